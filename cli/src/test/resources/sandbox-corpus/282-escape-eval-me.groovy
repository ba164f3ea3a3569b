// class: script-escape
// source: SandboxSpec "Eval"
// expect: read
def v = Eval.me("new File('@CANARY_READ@').text")
vmwareSite("leak-${v}") { network 'VM Network' }
