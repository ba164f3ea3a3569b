// class: compile-time
// source: Jenkins SECURITY-1320 (fully qualified annotation) with @Field
// expect: write
@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' })
@groovy.transform.Field int x
