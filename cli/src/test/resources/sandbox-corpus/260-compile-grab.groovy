// class: compile-time
// source: examples/broken/sandbox/grab.groovy; Jenkins SECURITY-1266
// expect: connect
@Grab('org.apache.commons:commons-lang3:3.12.0')
import org.apache.commons.lang3.StringUtils
