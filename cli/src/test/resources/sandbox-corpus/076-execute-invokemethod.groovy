// class: method
// source: SandboxSpec "invokeMethod"; Jenkins SECURITY-1754
// expect: run
'touch @MARKER@'.invokeMethod('execute', null).waitFor()
