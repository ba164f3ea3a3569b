// class: script-escape
// source: SandboxSpec "GroovyShell"
// expect: read
def v = new GroovyShell().evaluate("new File('@CANARY_READ@').text")
vmwareSite("leak-${v}") { network 'VM Network' }
