<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::CampaignEditor</name>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n recipient</numerusform>
            <numerusform>%n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send &quot;%1&quot; now? Total: %n recipient(s). This cannot be undone.</source>
        <translation>
            <numerusform>Send &quot;%1&quot; now? Total: %n recipient. This cannot be undone.</numerusform>
            <numerusform>Send &quot;%1&quot; now? Total: %n recipients. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to %n recipient(s)</source>
        <translation>
            <numerusform>Send to %n recipient</numerusform>
            <numerusform>Send to %n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) the cancelled campaign did not reach</source>
        <translation>
            <numerusform>%n lead the cancelled campaign did not reach</numerusform>
            <numerusform>%n leads the cancelled campaign did not reach</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::HotLeadsPage</name>
    <message numerus="yes">
        <source>%n lead(s) over their threshold, hottest first. Press Enter or double-click to open one.</source>
        <translation>
            <numerusform>%n lead over their threshold, hottest first. Press Enter or double-click to open one.</numerusform>
            <numerusform>%n leads over their threshold, hottest first. Press Enter or double-click to open one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::ImportWizardFilePage</name>
    <message numerus="yes">
        <source>%n column(s) found. Next: check how they are read.</source>
        <translation>
            <numerusform>%n column found. Next: check how they are read.</numerusform>
            <numerusform>%n columns found. Next: check how they are read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::ImportWizardReportPage</name>
    <message numerus="yes">
        <source>%n new lead(s) imported</source>
        <translation>
            <numerusform>%n new lead imported</numerusform>
            <numerusform>%n new leads imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing lead(s) updated</source>
        <translation>
            <numerusform>%n existing lead updated</numerusform>
            <numerusform>%n existing leads updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n row skipped</numerusform>
            <numerusform>%n rows skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadDetailPanel</name>
    <message numerus="yes">
        <source>%n leads selected. Change their stage or tags together with the buttons above the table.</source>
        <translation>
            <numerusform>%n lead selected. Change its stage or tags with the buttons above the table.</numerusform>
            <numerusform>%n leads selected. Change their stage or tags together with the buttons above the table.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadsPage</name>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new lead(s)</source>
        <translation>
            <numerusform>%n new lead</numerusform>
            <numerusform>%n new leads</numerusform>
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
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n row skipped</numerusform>
            <numerusform>%n rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to %1.</source>
        <translation>
            <numerusform>Exported %n lead to %1.</numerusform>
            <numerusform>Exported %n leads to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n lead(s) to %1.</source>
        <translation>
            <numerusform>Moved %n lead to %1.</numerusform>
            <numerusform>Moved %n leads to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n lead(s) “%1”.</source>
        <translation>
            <numerusform>Tagged %n lead “%1”.</numerusform>
            <numerusform>Tagged %n leads “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed “%1” from %n lead(s).</source>
        <translation>
            <numerusform>Removed “%1” from %n lead.</numerusform>
            <numerusform>Removed “%1” from %n leads.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag for the %n selected lead(s):</source>
        <translation>
            <numerusform>Tag for the %n selected lead:</numerusform>
            <numerusform>Tag for the %n selected leads:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::MainWindow</name>
    <message numerus="yes">
        <source>%n new hot-lead alert(s)</source>
        <translation>
            <numerusform>%n new hot-lead alert</numerusform>
            <numerusform>%n new hot-lead alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::SendProgressView</name>
    <message numerus="yes">
        <source>%n delivery(ies) with an unknown outcome are never resent automatically</source>
        <translation>
            <numerusform>%n delivery with an unknown outcome is never resent automatically</numerusform>
            <numerusform>%n deliveries with an unknown outcome are never resent automatically</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n message(s) sent.</source>
        <translation>
            <numerusform>Done: %n message sent.</numerusform>
            <numerusform>Done: %n messages sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused (%1). Resume to send to the %n remaining recipient(s).</source>
        <translation>
            <numerusform>Paused (%1). Resume to send to the %n remaining recipient.</numerusform>
            <numerusform>Paused (%1). Resume to send to the %n remaining recipients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) have not received this campaign yet and will not receive it.</source>
        <translation>
            <numerusform>%n lead has not received this campaign yet and will not receive it.</numerusform>
            <numerusform>%n leads have not received this campaign yet and will not receive it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 sent: %n recipient(s) did not get this campaign.</source>
        <translation>
            <numerusform>Cancelled after %1 sent: %n recipient did not get this campaign.</numerusform>
            <numerusform>Cancelled after %1 sent: %n recipients did not get this campaign.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to the %n lead(s) not reached…</source>
        <translation>
            <numerusform>Send to the %n lead not reached…</numerusform>
            <numerusform>Send to the %n leads not reached…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::StatsPanel</name>
    <message numerus="yes">
        <source>%Ln open(s)</source>
        <translation>
            <numerusform>%Ln open</numerusform>
            <numerusform>%Ln opens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln click(s)</source>
        <translation>
            <numerusform>%Ln click</numerusform>
            <numerusform>%Ln clicks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to the %n lead(s) not reached…</source>
        <translation>
            <numerusform>Send to the %n lead not reached…</numerusform>
            <numerusform>Send to the %n leads not reached…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::TimelineView</name>
    <message numerus="yes">
        <source>%n event(s) being checked</source>
        <translation>
            <numerusform>%n event being checked</numerusform>
            <numerusform>%n events being checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>↳ clicked %1 (%n times)</source>
        <translation>
            <numerusform>↳ clicked %1 (once)</numerusform>
            <numerusform>↳ clicked %1 (%n times)</numerusform>
        </translation>
    </message>
</context>
</TS>
