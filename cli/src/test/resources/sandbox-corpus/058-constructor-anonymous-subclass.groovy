// class: constructor
// source: Jenkins SECURITY-3341 (anonymous subclass with a crafted constructor call)
// expect: read
def f = new File('@CANARY_READ@') { }
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
