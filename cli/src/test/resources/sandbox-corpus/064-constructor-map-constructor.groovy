// class: constructor
// source: Jenkins SECURITY-3016 (map constructors)
// expect: read
class T { File f; int n }
def t = new T(n: 1, f: ['@CANARY_READ@'])
def v = t.f.text
vmwareSite("leak-${v}") { network 'VM Network' }
