import groovy.xml.XmlSlurper

// The README's test ran and passed (surefire or failsafe fails the build otherwise; this checks it was not skipped).
def reports = ['target/surefire-reports', 'target/failsafe-reports'].collect { new File(basedir, it) }
def results = reports.collectMany { dir ->
    dir.listFiles()?.findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') } ?: []
}
if (results.isEmpty()) {
    throw new IllegalStateException("no test of the README ran (no reports in ${reports})")
}
def ran = results.sum { (new XmlSlurper().parse(it).@tests.text() ?: '0') as int }
if (ran == 0) {
    throw new IllegalStateException("the README's test class ran no test")
}
println "readme-test: ${ran} test(s) of the README passed"
return true
