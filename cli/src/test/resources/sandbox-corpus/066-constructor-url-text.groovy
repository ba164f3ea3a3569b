// class: constructor
// source: SandboxSpec "a URL"
// expect: read
def v = new URL('file://@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
