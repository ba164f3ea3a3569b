// class: method
// source: original
// expect: run
org.codehaus.groovy.runtime.InvokerHelper.invokeMethod('touch @MARKER@', 'execute', null).waitFor()
