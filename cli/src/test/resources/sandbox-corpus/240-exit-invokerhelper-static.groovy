// class: exit
// source: original
// expect: exit
org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(Class.forName('java.lang.System'), 'exit', 4)
