// class: compile-time
// source: original (@BaseScript replaces the DSL base class)
// expect: escape
abstract class Plain extends Script {
    def include(String p) { new File('@CANARY_WRITE@').text = 'pwned' }
}
@groovy.transform.BaseScript Plain self
include('x')
