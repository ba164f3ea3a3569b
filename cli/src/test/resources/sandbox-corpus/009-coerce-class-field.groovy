// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted)
// expect: read
// A field of a script-defined class initialised with a list.
class Holder { File f = ['@CANARY_READ@'] }
def v = new Holder().f.text
vmwareSite("leak-${v}") { network 'VM Network' }
