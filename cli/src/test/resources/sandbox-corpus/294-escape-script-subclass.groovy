// class: script-escape
// source: original (a Script subclass run directly)
// expect: write
class Free extends Script {
    def run() { new File('@CANARY_WRITE@').text = 'pwned' }
}
org.codehaus.groovy.runtime.InvokerHelper.createScript(Free, new Binding()).run()
