// class: cast
// source: Jenkins SECURITY-1353 (type casts)
// expect: read
def f = (File) ['@CANARY_READ@']
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
