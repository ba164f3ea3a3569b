// class: constructor
// source: Jenkins SECURITY-582 (super calls) / SECURITY-1754
// expect: read
// A script-defined subclass reaches File(String) through super(...).
class Peek extends File {
    Peek(String p) { super(p) }
}
def v = new Peek('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
