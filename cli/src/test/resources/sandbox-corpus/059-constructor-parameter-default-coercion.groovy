// class: constructor
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (constructor parameter defaults)
// expect: read
class T {
    def x
    T(File file = ['@CANARY_READ@']) { x = file }
}
def v = new T().x.text
vmwareSite("leak-${v}") { network 'VM Network' }
