<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Levels</name>
    <message numerus="yes">
        <source>Show &amp;%n Levels</source>
        <extracomment>View › Show Levels, one item for each of 1 to 9; &amp; marks the number as its key</extracomment>
        <translation>
            <numerusform>Show &amp;%n Level</numerusform>
            <numerusform>Show &amp;%n Levels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n levels below the root</source>
        <extracomment>the status tip of View › Show Levels › n</extracomment>
        <translation>
            <numerusform>Show %n level below the root</numerusform>
            <numerusform>Show %n levels below the root</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Level %n</source>
        <extracomment>a tool button: show the first n levels of the map</extracomment>
        <translation>
            <numerusform>Level %n</numerusform>
            <numerusform>Level %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapDocument</name>
    <message numerus="yes">
        <source>Show %n Level(s)</source>
        <translation>
            <numerusform>Show %n Level</numerusform>
            <numerusform>Show %n Levels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>{participants} in %n file(s): ready to merge.</source>
        <extracomment>the merge dialog&apos;s summary; {participants} is &quot;%n participant(s)&quot;</extracomment>
        <translation>
            <numerusform>{participants} in %n file: ready to merge.</numerusform>
            <numerusform>{participants} in %n files: ready to merge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <extracomment>how many participants the chosen files hold</extracomment>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message numerus="yes">
        <source>%n line(s) of {name} read differently by Mermaid.</source>
        <translation>
            <numerusform>%n line of {name} read differently by Mermaid.</numerusform>
            <numerusform>%n lines of {name} read differently by Mermaid.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) of {project} ignored; the rest of the project is open.</source>
        <translation>
            <numerusform>%n value of {project} ignored; the rest of the project is open.</numerusform>
            <numerusform>%n values of {project} ignored; the rest of the project is open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrphansPanel</name>
    <message numerus="yes">
        <source>%n entry(s) of the project name nodes the map no longer has. Nothing is lost: re-attach each to the node it meant.</source>
        <translation>
            <numerusform>%n entry of the project names a node the map no longer has. Nothing is lost: re-attach it to the node it meant.</numerusform>
            <numerusform>%n entries of the project name nodes the map no longer has. Nothing is lost: re-attach each to the node it meant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outputs</name>
    <message numerus="yes">
        <source>%n decision record(s)</source>
        <translation>
            <numerusform>%n decision record</numerusform>
            <numerusform>%n decision records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tile(s)</source>
        <translation>
            <numerusform>%n tile</numerusform>
            <numerusform>%n tiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n page(s) ({kind})</source>
        <translation>
            <numerusform>Wrote %n page ({kind})</numerusform>
            <numerusform>Wrote %n pages ({kind})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <extracomment>the print preview&apos;s count of the pages it shows</extracomment>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
