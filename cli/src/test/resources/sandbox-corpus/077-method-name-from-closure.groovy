// class: method
// source: Jenkins SECURITY-1538 / CVE-2019-10393 (method names in method calls)
// expect: run
'touch @MARKER@'.({ 'exe' + 'cute' }())().waitFor()
