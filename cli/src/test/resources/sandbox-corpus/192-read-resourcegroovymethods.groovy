// class: file-read
// source: original
// expect: read
def v = org.codehaus.groovy.runtime.ResourceGroovyMethods.getText(new File('@CANARY_READ@'))
vmwareSite("leak-${v}") { network 'VM Network' }
