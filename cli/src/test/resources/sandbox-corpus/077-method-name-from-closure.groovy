// class: method
// source: Jenkins SECURITY-1538 (method names in method calls)
// expect: run
'touch @MARKER@'.({ 'exe' + 'cute' }())().waitFor()
