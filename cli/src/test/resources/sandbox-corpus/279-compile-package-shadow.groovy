// class: compile-time
// source: Jenkins SECURITY-3341 (classes shadowing host packages)
// expect: escape
package siteplan.dsl

class Shadow {
    static go() { Evaluation.current() }
}
Shadow.go()
new File('@CANARY_WRITE@').text = 'pwned'
