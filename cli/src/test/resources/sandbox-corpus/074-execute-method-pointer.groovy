// class: method
// source: SandboxSpec "a method pointer"; Jenkins SECURITY-1465 / CVE-2019-10356
// expect: run
def m = 'touch @MARKER@'.&execute
m().waitFor()
