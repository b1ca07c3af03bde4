<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en_US">
<context>
    <name>PersonDataRequests</name>
    <message numerus="yes">
        <location filename="../pages/people/data_requests.py" line="126"/>
        <source>The record was removed; %n visit(s) kept as anonymous counts.</source>
        <translation>
            <numerusform>The record was removed; %n visit is kept as an anonymous count.</numerusform>
            <numerusform>The record was removed; %n visits are kept as anonymous counts.</numerusform>
        </translation>
    </message>
</context>
</TS>
