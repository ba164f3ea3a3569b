// class: method
// source: SandboxSpec "invokeMethod"; Jenkins SECURITY-1754 / CVE-2020-2135
// expect: run
'touch @MARKER@'.invokeMethod('execute', null).waitFor()
