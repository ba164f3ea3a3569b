// class: method
// source: SandboxSpec "a computed method name"
// expect: run
def n = 'exec' + 'ute'
'touch @MARKER@'."$n"().waitFor()
