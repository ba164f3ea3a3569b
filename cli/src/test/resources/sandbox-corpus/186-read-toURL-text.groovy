// class: file-read
// source: SandboxSpec "toURL on text"
// expect: read
def v = 'file://@CANARY_READ@'.toURL().text
vmwareSite("leak-${v}") { network 'VM Network' }
