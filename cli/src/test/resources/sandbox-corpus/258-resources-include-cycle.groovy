// class: resources
// source: original
// expect: resources
include '_a.groovy'
// ---- _a.groovy
include '_b.groovy'
// ---- _b.groovy
include '_a.groovy'
