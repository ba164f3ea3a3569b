// class: method
// source: original (MethodClosure deserialization gadget)
// expect: run
new org.codehaus.groovy.runtime.MethodClosure('touch @MARKER@', 'execute').call().waitFor()
