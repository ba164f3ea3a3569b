// class: script-escape
// source: SandboxSpec "evaluate"
// expect: read
def v = evaluate("new File('@CANARY_READ@').text")
vmwareSite("leak-${v}") { network 'VM Network' }
