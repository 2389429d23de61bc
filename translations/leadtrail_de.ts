<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FinalDotJournal</name>
    <message>
        <source>cannot write the final-dot journal %1: %2</source>
        <translation>das Final-Dot-Journal %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>sein Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>it is not open</source>
        <translation>es ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the final-dot journal %1 is damaged at byte %2, so it cannot tell which messages may have reached the server. Check the campaign&apos;s deliveries that are still &apos;sending&apos; and remove the file to go on.</source>
        <translation>das Final-Dot-Journal %1 ist bei Byte %2 beschädigt, daher lässt sich nicht feststellen, welche Nachrichten den Server erreicht haben könnten. Prüfen Sie die Zustellungen der Kampagne, die noch „Wird gesendet“ sind, und entfernen Sie die Datei, um fortzufahren.</translation>
    </message>
    <message>
        <source>cannot read the final-dot journal %1: %2</source>
        <translation>das Final-Dot-Journal %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot remove the final-dot journal %1</source>
        <translation>das Final-Dot-Journal %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot sync the folder %1: %2</source>
        <translation>der Ordner %1 kann nicht synchronisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>LinkRewriter</name>
    <message>
        <source>If you would rather not receive these emails, you can %1unsubscribe%2.</source>
        <translation>Wenn Sie diese E-Mails nicht mehr erhalten möchten, können Sie sich %1abmelden%2.</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusText</name>
    <message>
        <source>Not paired with a relay</source>
        <translation>Nicht mit einem Relay gekoppelt</translation>
    </message>
    <message>
        <source> — retrying</source>
        <translation> — neuer Versuch läuft</translation>
    </message>
    <message>
        <source>Relay unreachable%1</source>
        <translation>Relay nicht erreichbar%1</translation>
    </message>
    <message>
        <source>Relay unreachable since %1%2</source>
        <translation>Relay nicht erreichbar seit %1%2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisiert %1</translation>
    </message>
</context>
<context>
    <name>leadtrail::CampaignEditor</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>For you, e.g. &quot;Spring open house&quot;</source>
        <translation>Für Sie, z. B. „Frühjahrs-Besichtigung“</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>sender@example.com</source>
        <translation>absender@example.com</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>Antwort an</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Hello {{first_name|there}}, …</source>
        <translation>Hallo {{first_name|zusammen}}, …</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>HTML-Text</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>Vorschau für</translation>
    </message>
    <message>
        <source>Preview for lead</source>
        <translation>Vorschau für Lead</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Audience category</source>
        <translation>Empfänger-Kategorie</translation>
    </message>
    <message>
        <source>Audience stage</source>
        <translation>Empfänger-Phase</translation>
    </message>
    <message>
        <source>Audience tag</source>
        <translation>Empfänger-Schlagwort</translation>
    </message>
    <message>
        <source>any score</source>
        <translation>beliebige Punktzahl</translation>
    </message>
    <message>
        <source>score ≥ </source>
        <translation>Punkte ≥ </translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>Mindestpunktzahl</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <source>Track opens</source>
        <translation>Öffnungen erfassen</translation>
    </message>
    <message>
        <source>A tiny image tells the relay when the email is shown.</source>
        <translation>Ein winziges Bild meldet dem Relay, wann die E-Mail angezeigt wird.</translation>
    </message>
    <message>
        <source>Track clicks</source>
        <translation>Klicks erfassen</translation>
    </message>
    <message>
        <source>Links go through the relay, which records the click.</source>
        <translation>Links führen über das Relay, das den Klick erfasst.</translation>
    </message>
    <message>
        <source>Decoy link to spot scanners</source>
        <translation>Köder-Link, um Scanner zu erkennen</translation>
    </message>
    <message>
        <source>A hidden link only machines follow.</source>
        <translation>Ein versteckter Link, dem nur Maschinen folgen.</translation>
    </message>
    <message>
        <source>Add UTM parameters</source>
        <translation>UTM-Parameter anhängen</translation>
    </message>
    <message>
        <source>utm_source, utm_medium=email and utm_campaign on every link.</source>
        <translation>utm_source, utm_medium=email und utm_campaign an jedem Link.</translation>
    </message>
    <message>
        <source>Click ids for conversions</source>
        <translation>Klick-IDs für Conversions</translation>
    </message>
    <message>
        <source>The relay adds a click id so sales can be attributed.</source>
        <translation>Das Relay hängt eine Klick-ID an, damit Verkäufe zugeordnet werden können.</translation>
    </message>
    <message>
        <source>Before sending</source>
        <translation>Vor dem Versand</translation>
    </message>
    <message>
        <source>Checks before sending</source>
        <translation>Prüfungen vor dem Versand</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Test address</source>
        <translation>Testadresse</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <source>Send this campaign once to the test address, marked [Test]; it is not counted.</source>
        <translation>Diese Kampagne einmal an die Testadresse senden, markiert mit [Test]; sie wird nicht mitgezählt.</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Save the draft (%1)</source>
        <translation>Entwurf speichern (%1)</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Senden…</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>Jede Kategorie</translation>
    </message>
    <message>
        <source>Every stage</source>
        <translation>Jede Phase</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
    <message>
        <source>&lt;p&gt;Hello {{first_name|there}},&lt;/p&gt;

&lt;p&gt;…&lt;/p&gt;

&lt;p&gt;&lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Unsubscribe&lt;/a&gt;&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Hallo {{first_name|zusammen}},&lt;/p&gt;

&lt;p&gt;…&lt;/p&gt;

&lt;p&gt;&lt;a href=&quot;{{unsubscribe_url}}&quot;&gt;Abmelden&lt;/a&gt;&lt;/p&gt;
</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s)</source>
        <translation>
            <numerusform>%n Empfänger</numerusform>
            <numerusform>%n Empfänger</numerusform>
        </translation>
    </message>
    <message>
        <source>(no lead: fields left empty)</source>
        <translation>(kein Lead: Felder bleiben leer)</translation>
    </message>
    <message>
        <source>SMTP is not set up: open Settings → Sending.</source>
        <translation>SMTP ist nicht eingerichtet: Einstellungen → Versand öffnen.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>No tracking relay is paired: paste the pairing code in Settings → Relay.</source>
        <translation>Kein Tracking-Relay gekoppelt: Kopplungscode unter Einstellungen → Relay einfügen.</translation>
    </message>
    <message>
        <source>Unknown merge fields: %1</source>
        <translation>Unbekannte Platzhalter: %1</translation>
    </message>
    <message>
        <source>The audience is not valid: %1</source>
        <translation>Die Empfängerauswahl ist ungültig: %1</translation>
    </message>
    <message>
        <source>The audience is empty: no lead matches it.</source>
        <translation>Die Empfängerauswahl ist leer: kein Lead passt.</translation>
    </message>
    <message>
        <source>No unsubscribe link in the body: a footer with one will be added.</source>
        <translation>Kein Abmeldelink im Text: eine Fußzeile mit Link wird ergänzt.</translation>
    </message>
    <message>
        <source>Must be fixed before sending</source>
        <translation>Muss vor dem Versand behoben werden</translation>
    </message>
    <message>
        <source>A warning; sending is possible</source>
        <translation>Eine Warnung; Versand ist möglich</translation>
    </message>
    <message>
        <source>Ready to send.</source>
        <translation>Bereit zum Versand.</translation>
    </message>
    <message>
        <source>The campaign was not saved: %1</source>
        <translation>Die Kampagne wurde nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Send &quot;%1&quot; now? Total: %n recipient(s). This cannot be undone.</source>
        <translation>
            <numerusform>„%1“ jetzt senden? Gesamt: %n Empfänger. Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>„%1“ jetzt senden? Gesamt: %n Empfänger. Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to %n recipient(s)</source>
        <translation>
            <numerusform>An %n Empfänger senden</numerusform>
            <numerusform>An %n Empfänger senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a valid address to send the test to.</source>
        <translation>Geben Sie eine gültige Adresse für den Test ein.</translation>
    </message>
    <message>
        <source>The test cannot be sent: %1</source>
        <translation>Der Test kann nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>Sending a test to %1…</source>
        <translation>Sende Test an %1…</translation>
    </message>
    <message>
        <source>Test sent to %1 (server: %2 %3)</source>
        <translation>Test an %1 gesendet (Server: %2 %3)</translation>
    </message>
    <message>
        <source>The test was not sent: %1</source>
        <translation>Der Test wurde nicht gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) the cancelled campaign did not reach</source>
        <translation>
            <numerusform>%n Lead, den die abgebrochene Kampagne nicht erreicht hat</numerusform>
            <numerusform>%n Leads, die die abgebrochene Kampagne nicht erreicht hat</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Entwurf um %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>leadtrail::CampaignListModel</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Gesendet am</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
</context>
<context>
    <name>leadtrail::CampaignsPage</name>
    <message>
        <source>Resume sending</source>
        <translation>Versand fortsetzen</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>Compose a new campaign (%1)</source>
        <translation>Neue Kampagne verfassen (%1)</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Choose a campaign, or create a new one.</source>
        <translation>Wählen Sie eine Kampagne oder legen Sie eine neue an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was interrupted while sending. Resume it to send to the rest; nobody receives it twice.</source>
        <translation>„%1“ wurde beim Senden unterbrochen. Setzen Sie den Versand fort, um den Rest zu erreichen; niemand erhält sie doppelt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is paused.</source>
        <translation>„%1“ ist pausiert.</translation>
    </message>
    <message>
        <source>%1 (not reached)</source>
        <translation>%1 (nicht erreicht)</translation>
    </message>
    <message>
        <source>Cannot create the campaign</source>
        <translation>Die Kampagne kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>The campaign cannot be copied: %1</source>
        <translation>Die Kampagne kann nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>Draft not saved</source>
        <translation>Entwurf nicht gespeichert</translation>
    </message>
    <message>
        <source>Your changes to this draft cannot be saved:
%1</source>
        <translation>Ihre Änderungen an diesem Entwurf können nicht gespeichert werden:
%1</translation>
    </message>
    <message>
        <source>Discard them, or keep editing to fix the problem?</source>
        <translation>Verwerfen oder weiter bearbeiten, um das Problem zu beheben?</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>leadtrail::HotLeadsPage</name>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>clicked %1 in &quot;%2&quot;, %3</source>
        <translation>hat %1 in „%2“ geklickt, %3</translation>
    </message>
    <message>
        <source>converted from &quot;%1&quot;, %2</source>
        <translation>hat über „%1“ konvertiert, %2</translation>
    </message>
    <message>
        <source>opened &quot;%1&quot;, %2</source>
        <translation>hat „%1“ geöffnet, %2</translation>
    </message>
    <message>
        <source>Threshold %1: %2</source>
        <translation>Schwelle %1: %2</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>Heiße Leads</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Why hot</source>
        <translation>Warum heiß</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>No hot leads right now. Leads appear here when their score crosses the threshold set in Settings → Scoring.</source>
        <translation>Gerade keine heißen Leads. Leads erscheinen hier, wenn ihre Punktzahl die Schwelle unter Einstellungen → Bewertung überschreitet.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) over their threshold, hottest first. Press Enter or double-click to open one.</source>
        <translation>
            <numerusform>%n Lead über der Schwelle, der heißeste zuerst. Eingabetaste oder Doppelklick öffnet ihn.</numerusform>
            <numerusform>%n Leads über der Schwelle, die heißesten zuerst. Eingabetaste oder Doppelklick öffnet einen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
</context>
<context>
    <name>leadtrail::ImportWizard</name>
    <message>
        <source>Import leads</source>
        <translation>Leads importieren</translation>
    </message>
    <message>
        <source>Choose a CSV file to import.</source>
        <translation>Wählen Sie eine CSV-Datei zum Importieren.</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>Unter %1 gibt es keine Datei.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a CSV file.</source>
        <translation>%1 ist ein Ordner; wählen Sie eine CSV-Datei.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The file is empty: it has no header line.</source>
        <translation>Die Datei ist leer: sie hat keine Kopfzeile.</translation>
    </message>
</context>
<context>
    <name>leadtrail::ImportWizardFilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>A CSV file exported from a spreadsheet or a CRM. Leads whose email is already in the workspace are updated; nothing is saved before the last step.</source>
        <translation>Eine CSV-Datei, exportiert aus einer Tabellenkalkulation oder einem CRM. Leads, deren E-Mail-Adresse schon im Arbeitsbereich ist, werden aktualisiert; vor dem letzten Schritt wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>Path to a .csv file</source>
        <translation>Pfad zu einer .csv-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Browse for a file to import</source>
        <translation>Nach einer Datei zum Importieren suchen</translation>
    </message>
    <message>
        <source>File status</source>
        <translation>Dateistatus</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) found. Next: check how they are read.</source>
        <translation>
            <numerusform>%n Spalte gefunden. Im nächsten Schritt prüfen Sie, wie sie gelesen wird.</numerusform>
            <numerusform>%n Spalten gefunden. Im nächsten Schritt prüfen Sie, wie sie gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import leads</source>
        <translation>Leads importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>leadtrail::ImportWizardMappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation>Spalten prüfen</translation>
    </message>
    <message>
        <source>This is how the file reads. Choose where each column goes; the import starts with the Import button.</source>
        <translation>So wird die Datei gelesen. Wählen Sie, wohin jede Spalte gehört; der Import beginnt mit der Schaltfläche „Importieren“.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Detected encoding</source>
        <translation>Erkannte Kodierung</translation>
    </message>
    <message>
        <source>Detected separator</source>
        <translation>Erkanntes Trennzeichen</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Kodierung:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>Erste Zeilen</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vorschau der ersten Zeilen</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>Mapping problem</source>
        <translation>Problem bei der Zuordnung</translation>
    </message>
    <message>
        <source>comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Full name (split into first and last)</source>
        <translation>Vollständiger Name (in Vor- und Nachname aufgeteilt)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>Unsubscribed at</source>
        <translation>Abgemeldet am</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Import column %1 as</source>
        <translation>Spalte %1 importieren als</translation>
    </message>
    <message>
        <source>Custom field “%1”</source>
        <translation>Eigenes Feld „%1“</translation>
    </message>
    <message>
        <source>Ignore this column</source>
        <translation>Diese Spalte ignorieren</translation>
    </message>
    <message>
        <source>Two columns are imported as “%1”. Choose something else for one of them.</source>
        <translation>Zwei Spalten werden als „%1“ importiert. Wählen Sie für eine davon etwas anderes.</translation>
    </message>
    <message>
        <source>No column is imported as Email. Every lead needs an email address: choose the column that holds it.</source>
        <translation>Keine Spalte wird als E-Mail importiert. Jeder Lead braucht eine E-Mail-Adresse: wählen Sie die Spalte, die sie enthält.</translation>
    </message>
    <message>
        <source>This mapping cannot be imported: %1</source>
        <translation>Mit dieser Zuordnung ist kein Import möglich: %1</translation>
    </message>
</context>
<context>
    <name>leadtrail::ImportWizardReportPage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>Importergebnis</translation>
    </message>
    <message>
        <source>Rows not imported:</source>
        <translation>Nicht importierte Zeilen:</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Nicht importierte Zeilen</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Reading the file. Cancel stops the import and saves nothing.</source>
        <translation>Die Datei wird gelesen. „Abbrechen“ beendet den Import, ohne etwas zu speichern.</translation>
    </message>
    <message>
        <source>Line %1 of about %2. Cancel stops the import and saves nothing.</source>
        <translation>Zeile %1 von etwa %2. „Abbrechen“ beendet den Import, ohne etwas zu speichern.</translation>
    </message>
    <message>
        <source>The import did not complete.</source>
        <translation>Der Import wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>Es wurde nichts gespeichert. %1</translation>
    </message>
    <message>
        <source>The import is saved.</source>
        <translation>Der Import ist gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n new lead(s) imported</source>
        <translation>
            <numerusform>%n neuer Lead importiert</numerusform>
            <numerusform>%n neue Leads importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing lead(s) updated</source>
        <translation>
            <numerusform>%n vorhandener Lead aktualisiert</numerusform>
            <numerusform>%n vorhandene Leads aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n Zeile übersprungen</numerusform>
            <numerusform>%n Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>New stages added: %1.</source>
        <translation>Neue Phasen hinzugefügt: %1.</translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadCommands</name>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadDetailPanel</name>
    <message>
        <source>Select a lead to see its details and activity.</source>
        <translation>Wählen Sie einen Lead, um Details und Aktivität zu sehen.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Write a note about this lead…</source>
        <translation>Notiz zu diesem Lead schreiben…</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Neue Notiz</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Add the note to the lead&apos;s timeline (Ctrl+Enter)</source>
        <translation>Notiz zur Zeitleiste des Leads hinzufügen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>Yes: no campaign is sent to this address</source>
        <translation>Ja: an diese Adresse wird keine Kampagne gesendet</translation>
    </message>
    <message>
        <source>The activity cannot be shown: %1</source>
        <translation>Die Aktivität kann nicht angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n leads selected. Change their stage or tags together with the buttons above the table.</source>
        <translation>
            <numerusform>%n Lead ausgewählt. Ändern Sie Phase oder Schlagwörter mit den Schaltflächen über der Tabelle.</numerusform>
            <numerusform>%n Leads ausgewählt. Ändern Sie ihre Phase oder Schlagwörter gemeinsam mit den Schaltflächen über der Tabelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit this lead&apos;s details (F2)</source>
        <translation>Die Angaben dieses Leads bearbeiten (F2)</translation>
    </message>
    <message>
        <source>Edit lead</source>
        <translation>Lead bearbeiten</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadEditDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <source>C&amp;ompany</source>
        <translation>F&amp;irma</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>&amp;Zuständig</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>comma-separated, e.g. vip, spring-fair</source>
        <translation>durch Kommas getrennt, z. B. vip, frühjahrsmesse</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add &amp;field</source>
        <translation>Feld &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove field</source>
        <translation>Feld &amp;entfernen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
</context>
<context>
    <name>leadtrail::LeadsPage</name>
    <message>
        <source>Search name, email or company</source>
        <translation>Name, E-Mail oder Firma suchen</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Leads suchen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Phasen</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n Lead</numerusform>
            <numerusform>%n Leads</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import leads from a CSV file</source>
        <translation>Leads aus einer CSV-Datei importieren</translation>
    </message>
    <message>
        <source>Import leads from a CSV file (%1)</source>
        <translation>Leads aus einer CSV-Datei importieren (%1)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export the leads shown to a CSV file</source>
        <translation>Die angezeigten Leads in eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>Export the leads matching the search and filters (%1)</source>
        <translation>Die Leads exportieren, die zu Suche und Filtern passen (%1)</translation>
    </message>
    <message>
        <source>Move to &amp;stage</source>
        <translation>In &amp;Phase verschieben</translation>
    </message>
    <message>
        <source>Move the selected leads to a stage</source>
        <translation>Die ausgewählten Leads in eine Phase verschieben</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>Add or remove a tag on the selected leads</source>
        <translation>Ein Schlagwort bei den ausgewählten Leads hinzufügen oder entfernen</translation>
    </message>
    <message>
        <source>Selected leads</source>
        <translation>Ausgewählte Leads</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not imported. %2</source>
        <translation>%1 wurde nicht importiert. %2</translation>
    </message>
    <message>
        <source>Imported %1: %2, %3, %4.</source>
        <translation>%1 importiert: %2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n new lead(s)</source>
        <translation>
            <numerusform>%n neuer Lead</numerusform>
            <numerusform>%n neue Leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n aktualisiert</numerusform>
            <numerusform>%n aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n Zeile übersprungen</numerusform>
            <numerusform>%n Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation>Leads exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The leads could not be exported: %1</source>
        <translation>Die Leads konnten nicht exportiert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to %1.</source>
        <translation>
            <numerusform>%n Lead nach %1 exportiert.</numerusform>
            <numerusform>%n Leads nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The stage was not changed: %1</source>
        <translation>Die Phase wurde nicht geändert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n lead(s) to %1.</source>
        <translation>
            <numerusform>%n Lead in %1 verschoben.</numerusform>
            <numerusform>%n Leads in %1 verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tag was not added: %1</source>
        <translation>Das Schlagwort wurde nicht hinzugefügt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n lead(s) “%1”.</source>
        <translation>
            <numerusform>%n Lead mit „%1“ verschlagwortet.</numerusform>
            <numerusform>%n Leads mit „%1“ verschlagwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tag was not removed: %1</source>
        <translation>Das Schlagwort wurde nicht entfernt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Removed “%1” from %n lead(s).</source>
        <translation>
            <numerusform>„%1“ von %n Lead entfernt.</numerusform>
            <numerusform>„%1“ von %n Leads entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>Neues Schlagwort…</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Schlagwort entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Tag for the %n selected lead(s):</source>
        <translation>
            <numerusform>Schlagwort für %n ausgewählten Lead:</numerusform>
            <numerusform>Schlagwort für die %n ausgewählten Leads:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Undo with %2.</source>
        <translation>%1 Rückgängig mit %2.</translation>
    </message>
</context>
<context>
    <name>leadtrail::MainWindow</name>
    <message>
        <source>Leadtrail</source>
        <translation>Leadtrail</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Your leads and their activity (Ctrl+1)</source>
        <translation>Ihre Leads und ihre Aktivität (Strg+1)</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Compose, send and follow campaigns (Ctrl+2)</source>
        <translation>Kampagnen verfassen, senden und verfolgen (Strg+2)</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>Heiße Leads</translation>
    </message>
    <message>
        <source>Leads over their threshold, hottest first (Ctrl+3)</source>
        <translation>Leads über ihrer Schwelle, die heißesten zuerst (Strg+3)</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>What happens automatically when leads act (Ctrl+4)</source>
        <translation>Was automatisch passiert, wenn Leads handeln (Strg+4)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sending, relay, scoring, stages and appearance (Ctrl+5)</source>
        <translation>Versand, Relay, Bewertung, Phasen und Darstellung (Strg+5)</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>New activity could not be processed: %1</source>
        <translation>Neue Aktivität konnte nicht verarbeitet werden: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Hot lead: %1</source>
        <translation>Heißer Lead: %1</translation>
    </message>
    <message>
        <source>%1 (score %2). Click to open the lead.</source>
        <translation>%1 (Punkte %2). Klicken, um den Lead zu öffnen.</translation>
    </message>
    <message>
        <source>Hot lead: %1 — %2</source>
        <translation>Heißer Lead: %1 — %2</translation>
    </message>
    <message>
        <source>The sample workspace could not be opened: %1</source>
        <translation>Der Beispiel-Arbeitsbereich konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Fetch new opens and clicks from the relay now (F5)</source>
        <translation>Neue Öffnungen und Klicks jetzt vom Relay holen (F5)</translation>
    </message>
    <message>
        <source>Hot leads (%L1)</source>
        <translation>Heiße Leads (%L1)</translation>
    </message>
    <message numerus="yes">
        <source>%n new hot-lead alert(s)</source>
        <translation>
            <numerusform>%n neue Warnung zu heißen Leads</numerusform>
            <numerusform>%n neue Warnungen zu heißen Leads</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · next sync at %2 (F5: now)</source>
        <translation>%1 · nächste Synchronisierung um %2 (F5: jetzt)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>No system keychain answered, so passwords and relay keys are read from environment variables and from files only you can read in the workspace folder.</source>
        <translation>Kein Schlüsselbund des Systems hat geantwortet; Passwörter und Relay-Schlüssel werden daher aus Umgebungsvariablen und aus Dateien im Arbeitsbereich gelesen, die nur Sie lesen können.</translation>
    </message>
</context>
<context>
    <name>leadtrail::RecipientTableModel</name>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Öffnungen</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Not reached (cancelled)</source>
        <translation>Nicht erreicht (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>leadtrail::RuleCommands</name>
    <message>
        <source>Delete rule “%1”</source>
        <translation>Regel „%1“ löschen</translation>
    </message>
    <message>
        <source>Add rule “%1”</source>
        <translation>Regel „%1“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>leadtrail::RuleEditorDialog</name>
    <message>
        <source>Edit rule</source>
        <translation>Regel bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Rule is on</source>
        <translation>&amp;Regel ist aktiv</translation>
    </message>
    <message>
        <source>A rule that is off is kept but does nothing.</source>
        <translation>Eine deaktivierte Regel bleibt erhalten, bewirkt aber nichts.</translation>
    </message>
    <message>
        <source>Rule is on</source>
        <translation>Regel ist aktiv</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>Geben Sie der Regel einen Namen.</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>Die Regel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>leadtrail::RuleForm</name>
    <message>
        <source>In campaign</source>
        <translation>In Kampagne</translation>
    </message>
    <message>
        <source>any campaign</source>
        <translation>beliebige Kampagne</translation>
    </message>
    <message>
        <source>In &amp;campaign</source>
        <translation>In &amp;Kampagne</translation>
    </message>
    <message>
        <source>Only for leads in these stages</source>
        <translation>Nur für Leads in diesen Phasen</translation>
    </message>
    <message>
        <source>Tick stages to apply the rule only to leads in them. None ticked: any stage.</source>
        <translation>Phasen ankreuzen, damit die Regel nur für Leads in ihnen gilt. Keine angekreuzt: jede Phase.</translation>
    </message>
    <message>
        <source>Only for leads in</source>
        <translation>Nur für Leads in</translation>
    </message>
    <message>
        <source>Also move leads &amp;back to an earlier stage</source>
        <translation>Leads auch &amp;zurück in eine frühere Phase verschieben</translation>
    </message>
    <message>
        <source>Off: the rule only moves a lead forward in the stage order; a lead already further along stays where it is.</source>
        <translation>Aus: Die Regel verschiebt einen Lead nur vorwärts in der Reihenfolge der Phasen; ein Lead, der schon weiter ist, bleibt, wo er ist.</translation>
    </message>
    <message>
        <source>campaign %1</source>
        <translation>Kampagne %1</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Regelname</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <source>a lead opens an email</source>
        <translation>ein Lead eine E-Mail öffnet</translation>
    </message>
    <message>
        <source>a lead clicks any link</source>
        <translation>ein Lead einen beliebigen Link klickt</translation>
    </message>
    <message>
        <source>a lead clicks a link containing…</source>
        <translation>ein Lead einen Link klickt, der … enthält</translation>
    </message>
    <message>
        <source>a lead converts</source>
        <translation>ein Lead konvertiert</translation>
    </message>
    <message>
        <source>a lead unsubscribes</source>
        <translation>ein Lead sich abmeldet</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Wenn</translation>
    </message>
    <message>
        <source>/pricing</source>
        <translation>/preise</translation>
    </message>
    <message>
        <source>Link contains</source>
        <translation>Link enthält</translation>
    </message>
    <message>
        <source>&amp;Link contains</source>
        <translation>&amp;Link enthält</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Dann</translation>
    </message>
    <message>
        <source>move them to stage</source>
        <translation>in Phase verschieben</translation>
    </message>
    <message>
        <source>add the tag</source>
        <translation>Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>add to the score</source>
        <translation>zur Punktzahl addieren</translation>
    </message>
    <message>
        <source>raise a hot-lead alert</source>
        <translation>Heißer-Lead-Meldung auslösen</translation>
    </message>
    <message>
        <source>&amp;Then</source>
        <translation>&amp;Dann</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Tag or points</source>
        <translation>Schlagwort oder Punkte</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Rule as a sentence</source>
        <translation>Regel als Satz</translation>
    </message>
    <message>
        <source>points, e.g. 10</source>
        <translation>Punkte, z. B. 10</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Schlagwort</translation>
    </message>
</context>
<context>
    <name>leadtrail::RulesPage</name>
    <message>
        <source>move them to %1, even back from a later stage</source>
        <translation>in %1 verschieben, auch zurück aus einer späteren Phase</translation>
    </message>
    <message>
        <source>When a lead in stage %1 %2 %3, %4.</source>
        <translation>Wenn ein Lead in Phase %1 %3 %2: %4.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>raise a hot-lead alert</source>
        <translation>Heißer-Lead-Meldung auslösen</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>opens an email</source>
        <translation>eine E-Mail öffnet</translation>
    </message>
    <message>
        <source>clicks any link</source>
        <translation>einen beliebigen Link klickt</translation>
    </message>
    <message>
        <source>clicks a link containing %1</source>
        <translation>einen Link mit %1 klickt</translation>
    </message>
    <message>
        <source>converts</source>
        <translation>konvertiert</translation>
    </message>
    <message>
        <source>unsubscribes</source>
        <translation>sich abmeldet</translation>
    </message>
    <message>
        <source>in &quot;%1&quot;</source>
        <translation>in „%1“</translation>
    </message>
    <message>
        <source>in any campaign</source>
        <translation>in einer beliebigen Kampagne</translation>
    </message>
    <message>
        <source>move them to %1</source>
        <translation>in %1 verschieben</translation>
    </message>
    <message>
        <source>tag them &quot;%1&quot;</source>
        <translation>mit „%1“ verschlagworten</translation>
    </message>
    <message>
        <source>add %1 to their score</source>
        <translation>%1 zur Punktzahl addieren</translation>
    </message>
    <message>
        <source>When a lead %1 %2, %3.</source>
        <translation>Wenn ein Lead %2 %1: %3.</translation>
    </message>
    <message>
        <source>(disabled)</source>
        <translation>(deaktiviert)</translation>
    </message>
    <message>
        <source>No rules yet. Add one below.</source>
        <translation>Noch keine Regeln. Fügen Sie unten eine hinzu.</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>Geben Sie der Regel einen Namen.</translation>
    </message>
    <message>
        <source>The rule was not added: %1</source>
        <translation>Die Regel wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>The rule was not deleted: %1</source>
        <translation>Die Regel wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Rules act on what leads do: each settled human open, click, conversion or unsubscribe is checked against them once. Untick a rule to switch it off.</source>
        <translation>Regeln reagieren auf das, was Leads tun: Jede fertig geprüfte menschliche Öffnung, jeder Klick, jede Conversion und jede Abmeldung wird einmal mit ihnen abgeglichen. Entfernen Sie den Haken bei einer Regel, um sie zu deaktivieren.</translation>
    </message>
    <message>
        <source>&amp;Edit rule…</source>
        <translation>Regel &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected rule (F2, or double-click it)</source>
        <translation>Ausgewählte Regel ändern (F2 oder Doppelklick)</translation>
    </message>
    <message>
        <source>Delete the selected rule (Delete)</source>
        <translation>Ausgewählte Regel löschen (Entf)</translation>
    </message>
    <message>
        <source>On: untick to switch this rule off</source>
        <translation>Aktiv: Haken entfernen, um diese Regel zu deaktivieren</translation>
    </message>
    <message>
        <source>Off: tick to switch this rule on again</source>
        <translation>Deaktiviert: Haken setzen, um diese Regel wieder zu aktivieren</translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>Die Regel wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Edit rule “%1”</source>
        <translation>Regel „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Switch rule “%1” on</source>
        <translation>Regel „%1“ einschalten</translation>
    </message>
    <message>
        <source>Switch rule “%1” off</source>
        <translation>Regel „%1“ ausschalten</translation>
    </message>
</context>
<context>
    <name>leadtrail::SendProgressView</name>
    <message>
        <source>Sending progress</source>
        <translation>Versandfortschritt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Versand abbrechen</translation>
    </message>
    <message>
        <source>Show results</source>
        <translation>Ergebnisse zeigen</translation>
    </message>
    <message>
        <source>Cannot cancel: %1</source>
        <translation>Abbrechen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Sending &quot;%1&quot;</source>
        <translation>„%1“ wird gesendet</translation>
    </message>
    <message>
        <source>Sending cannot start: %1</source>
        <translation>Der Versand kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Sending… You can keep working; closing Leadtrail pauses safely.</source>
        <translation>Wird gesendet… Sie können weiterarbeiten; Schließen von Leadtrail pausiert sicher.</translation>
    </message>
    <message>
        <source>it was interrupted</source>
        <translation>er wurde unterbrochen</translation>
    </message>
    <message numerus="yes">
        <source>Paused (%1). Resume to send to the %n remaining recipient(s).</source>
        <translation>
            <numerusform>Pausiert (%1). Fortsetzen, um an den verbleibenden %n Empfänger zu senden.</numerusform>
            <numerusform>Pausiert (%1). Fortsetzen, um an die verbleibenden %n Empfänger zu senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n delivery(ies) with an unknown outcome are never resent automatically</source>
        <translation>
            <numerusform>%n Zustellung mit unbekanntem Ausgang wird nie automatisch erneut gesendet</numerusform>
            <numerusform>%n Zustellungen mit unbekanntem Ausgang werden nie automatisch erneut gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n message(s) sent.</source>
        <translation>
            <numerusform>Fertig: %n Nachricht gesendet.</numerusform>
            <numerusform>Fertig: %n Nachrichten gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>you paused it</source>
        <translation>von Ihnen angehalten</translation>
    </message>
    <message>
        <source>Leadtrail was closed mid-send</source>
        <translation>Leadtrail wurde während des Versands geschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not sent because the campaign was cancelled before their turn; not a failure</source>
        <translation>Nicht gesendet, weil die Kampagne abgebrochen wurde, bevor sie an der Reihe waren; kein Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) have not received this campaign yet and will not receive it.</source>
        <translation>
            <numerusform>%n Lead hat diese Kampagne noch nicht erhalten und wird sie nicht erhalten.</numerusform>
            <numerusform>%n Leads haben diese Kampagne noch nicht erhalten und werden sie nicht erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel sending?</source>
        <translation>Versand abbrechen?</translation>
    </message>
    <message>
        <source>A cancelled campaign cannot be resumed. Messages already sent stay sent; afterwards you can send a copy to the leads it did not reach.</source>
        <translation>Eine abgebrochene Kampagne kann nicht fortgesetzt werden. Bereits gesendete Nachrichten bleiben gesendet; danach können Sie eine Kopie an die nicht erreichten Leads senden.</translation>
    </message>
    <message>
        <source>Keep sending</source>
        <translation>Weiter senden</translation>
    </message>
    <message>
        <source>%1 sent · %2 cancelled</source>
        <translation>%1 gesendet · %2 abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %1 sent: %n recipient(s) did not get this campaign.</source>
        <translation>
            <numerusform>Abgebrochen nach %1 gesendeten: %n Empfänger hat diese Kampagne nicht erhalten.</numerusform>
            <numerusform>Abgebrochen nach %1 gesendeten: %n Empfänger haben diese Kampagne nicht erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to the %n lead(s) not reached…</source>
        <translation>
            <numerusform>An den %n nicht erreichten Lead senden…</numerusform>
            <numerusform>An die %n nicht erreichten Leads senden…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::SettingsPage</name>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>Your name or team</source>
        <translation>Ihr Name oder Team</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>smtp.example.com</source>
        <translation>smtp.example.com</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (Port 465)</translation>
    </message>
    <message>
        <source>None (test servers only)</source>
        <translation>Keine (nur Testserver)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Leave empty when the server needs no login</source>
        <translation>Leer lassen, wenn der Server keine Anmeldung braucht</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Versandgrenzen</translation>
    </message>
    <message>
        <source>Own server (no provider limits)</source>
        <translation>Eigener Server (keine Anbietergrenzen)</translation>
    </message>
    <message>
        <source>Google Workspace limits</source>
        <translation>Grenzen von Google Workspace</translation>
    </message>
    <message>
        <source>Microsoft 365 limits</source>
        <translation>Grenzen von Microsoft 365</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <source>Paste the code the relay printed (ltpair1.…)</source>
        <translation>Code einfügen, den das Relay ausgegeben hat (ltpair1.…)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Relay URL</source>
        <translation>Relay-URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Points per open</source>
        <translation>Punkte pro Öffnung</translation>
    </message>
    <message>
        <source>Points per click</source>
        <translation>Punkte pro Klick</translation>
    </message>
    <message>
        <source>Points per conversion</source>
        <translation>Punkte pro Conversion</translation>
    </message>
    <message>
        <source>Half-life</source>
        <translation>Halbwertszeit</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Hot-lead threshold</source>
        <translation>Schwelle für heiße Leads</translation>
    </message>
    <message>
        <source>A lead&apos;s score is the sum of these points for its human opens, clicks and conversions, halving every half-life. Machine activity never counts.</source>
        <translation>Die Punktzahl eines Leads ist die Summe dieser Punkte für seine menschlichen Öffnungen, Klicks und Conversions; sie halbiert sich mit jeder Halbwertszeit. Maschinenaktivität zählt nie.</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Stages, one per line</source>
        <translation>Phasen, eine pro Zeile</translation>
    </message>
    <message>
        <source>The pipeline, one stage per line, in order. A stage that leads are in cannot be removed.</source>
        <translation>Die Pipeline, eine Phase pro Zeile, in Reihenfolge. Eine Phase, in der sich Leads befinden, kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>A new language applies the next time Leadtrail starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Leadtrail.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>A password is stored (%1).</source>
        <translation>Ein Passwort ist gespeichert (%1).</translation>
    </message>
    <message>
        <source>No password stored.</source>
        <translation>Kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>Nicht gekoppelt</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The stages were not changed: %1</source>
        <translation>Die Phasen wurden nicht geändert: %1</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Not paired: %1</source>
        <translation>Nicht gekoppelt: %1</translation>
    </message>
    <message>
        <source>Paired with the relay at %1. The keys are stored as secrets.</source>
        <translation>Mit dem Relay unter %1 gekoppelt. Die Schlüssel sind als Geheimnisse gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Connect and log in with the values above, then hang up. No email is sent.</source>
        <translation>Mit den obigen Angaben verbinden und anmelden, dann wieder trennen. Es wird keine E-Mail gesendet.</translation>
    </message>
    <message>
        <source>Test SMTP connection</source>
        <translation>SMTP-Verbindung testen</translation>
    </message>
    <message>
        <source>SMTP test result</source>
        <translation>Ergebnis des SMTP-Tests</translation>
    </message>
    <message>
        <source>Check that the relay answers and accepts the API key, then fetch new events (Alt+T)</source>
        <translation>Prüfen, ob das Relay antwortet und den API-Schlüssel akzeptiert, dann neue Ereignisse abrufen (Alt+T)</translation>
    </message>
    <message>
        <source>Test relay</source>
        <translation>Relay testen</translation>
    </message>
    <message>
        <source>Relay test result</source>
        <translation>Ergebnis des Relay-Tests</translation>
    </message>
    <message>
        <source>Relay reachable at %1, API key accepted.</source>
        <translation>Relay unter %1 erreichbar, API-Schlüssel akzeptiert.</translation>
    </message>
    <message>
        <source>The relay at %1 refused the API key (HTTP %2). Paste a fresh pairing code from the relay.</source>
        <translation>Das Relay unter %1 hat den API-Schlüssel abgelehnt (HTTP %2). Fügen Sie einen neuen Kopplungscode des Relays ein.</translation>
    </message>
    <message>
        <source>The relay at %1 is unreachable: %2</source>
        <translation>Das Relay unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The relay at %1 did not answer as expected: %2</source>
        <translation>Das Relay unter %1 hat nicht wie erwartet geantwortet: %2</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <source>New campaigns start with these options; each campaign can change them.</source>
        <translation>Neue Kampagnen beginnen mit diesen Optionen; jede Kampagne kann sie ändern.</translation>
    </message>
    <message>
        <source>Track opens</source>
        <translation>Öffnungen erfassen</translation>
    </message>
    <message>
        <source>A tiny image tells the relay when the email is shown.</source>
        <translation>Ein winziges Bild meldet dem Relay, wann die E-Mail angezeigt wird.</translation>
    </message>
    <message>
        <source>Track clicks</source>
        <translation>Klicks erfassen</translation>
    </message>
    <message>
        <source>Links go through the relay, which records the click.</source>
        <translation>Links führen über das Relay, das den Klick erfasst.</translation>
    </message>
    <message>
        <source>Decoy link to spot scanners</source>
        <translation>Köder-Link, um Scanner zu erkennen</translation>
    </message>
    <message>
        <source>A hidden link only machines follow.</source>
        <translation>Ein versteckter Link, dem nur Maschinen folgen.</translation>
    </message>
    <message>
        <source>Add UTM parameters</source>
        <translation>UTM-Parameter anhängen</translation>
    </message>
    <message>
        <source>utm_source, utm_medium=email and utm_campaign on every link.</source>
        <translation>utm_source, utm_medium=email und utm_campaign an jedem Link.</translation>
    </message>
    <message>
        <source>Click ids for conversions</source>
        <translation>Klick-IDs für Conversions</translation>
    </message>
    <message>
        <source>The relay adds a click id so sales can be attributed.</source>
        <translation>Das Relay hängt eine Klick-ID an, damit Verkäufe zugeordnet werden können.</translation>
    </message>
    <message>
        <source>Not tested: %1</source>
        <translation>Nicht getestet: %1</translation>
    </message>
    <message>
        <source>Connecting to %1:%2…</source>
        <translation>Verbindung zu %1:%2 wird hergestellt…</translation>
    </message>
    <message>
        <source>with STARTTLS</source>
        <translation>mit STARTTLS</translation>
    </message>
    <message>
        <source>with TLS</source>
        <translation>mit TLS</translation>
    </message>
    <message>
        <source>without encryption</source>
        <translation>ohne Verschlüsselung</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message>
        <source>Connected to %1:%2 %3; the server asked for no login.</source>
        <translation>Verbindung zu %1:%2 %3 hergestellt; der Server hat keine Anmeldung verlangt.</translation>
    </message>
    <message>
        <source>Connected to %1:%2 %3, authenticated as %4.</source>
        <translation>Verbindung zu %1:%2 %3 hergestellt, angemeldet als %4.</translation>
    </message>
    <message>
        <source>No relay is paired: paste the pairing code above and press Pair.</source>
        <translation>Kein Relay gekoppelt: Fügen Sie oben den Kopplungscode ein und klicken Sie auf „Koppeln“.</translation>
    </message>
    <message>
        <source>Asking the relay…</source>
        <translation>Relay wird abgefragt…</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Ungespeicherte Einstellungen</translation>
    </message>
    <message>
        <source>Save your changes to the settings?</source>
        <translation>Ihre Änderungen an den Einstellungen speichern?</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
</context>
<context>
    <name>leadtrail::StatsPanel</name>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Why machine activity was set apart</source>
        <translation>Warum Maschinenaktivität abgetrennt wurde</translation>
    </message>
    <message>
        <source>Opens and clicks per hour</source>
        <translation>Öffnungen und Klicks pro Stunde</translation>
    </message>
    <message>
        <source>Clicks per link</source>
        <translation>Klicks pro Link</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Klicks</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Eindeutig</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Show recipients</source>
        <translation>Empfänger anzeigen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Machine only</source>
        <translation>Nur Maschine</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Choose a recipient to see their activity.</source>
        <translation>Wählen Sie einen Empfänger, um seine Aktivität zu sehen.</translation>
    </message>
    <message>
        <source>The results cannot be shown: %1</source>
        <translation>Die Ergebnisse können nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>%1 — sent %2</source>
        <translation>%1 — gesendet %2</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>%1 · %2 unknown</source>
        <translation>%1 · %2 unbekannt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unsubscribed: %1 · Conversions: %2 · Revenue: %3</source>
        <translation>Abgemeldet: %1 · Conversions: %2 · Umsatz: %3</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Öffnungen</translation>
    </message>
    <message>
        <source>This lead was deleted.</source>
        <translation>Dieser Lead wurde gelöscht.</translation>
    </message>
    <message>
        <source>The activity cannot be shown: %1</source>
        <translation>Die Aktivität kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>hours after sending</source>
        <translation>Stunden nach dem Versand</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open(s)</source>
        <translation>
            <numerusform>%Ln Öffnung</numerusform>
            <numerusform>%Ln Öffnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln click(s)</source>
        <translation>
            <numerusform>%Ln Klick</numerusform>
            <numerusform>%Ln Klicks</numerusform>
        </translation>
    </message>
    <message>
        <source>Set apart as machine activity: %1, %2</source>
        <translation>Als Maschinenaktivität abgetrennt: %1, %2</translation>
    </message>
    <message>
        <source>• %1 — %2, %3</source>
        <translation>• %1 — %2, %3</translation>
    </message>
    <message>
        <source>Opens and clicks are judged (person or machine) once they are a little while old, so that a link scanner&apos;s burst is seen whole. Until then they are in none of the figures.</source>
        <translation>Öffnungen und Klicks werden (Mensch oder Maschine) erst beurteilt, wenn sie eine kleine Weile alt sind, damit die Salve eines Link-Scanners ganz gesehen wird. Bis dahin zählen sie in keiner der Zahlen.</translation>
    </message>
    <message>
        <source>· %1 being checked</source>
        <translation>· %1 in Prüfung</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not sent because the campaign was cancelled before their turn; not a failure</source>
        <translation>Nicht gesendet, weil die Kampagne abgebrochen wurde, bevor sie an der Reihe waren; kein Fehler</translation>
    </message>
    <message>
        <source>Not reached (cancelled)</source>
        <translation>Nicht erreicht (abgebrochen)</translation>
    </message>
    <message numerus="yes">
        <source>Send to the %n lead(s) not reached…</source>
        <translation>
            <numerusform>An den %n nicht erreichten Lead senden…</numerusform>
            <numerusform>An die %n nicht erreichten Leads senden…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>leadtrail::TimelineView</name>
    <message>
        <source>Activity timeline</source>
        <translation>Aktivitäts-Zeitleiste</translation>
    </message>
    <message>
        <source>Email delivered</source>
        <translation>E-Mail zugestellt</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Zustellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Konvertiert</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>Phase geändert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Hot lead</source>
        <translation>Heißer Lead</translation>
    </message>
    <message>
        <source>Rule applied</source>
        <translation>Regel angewendet</translation>
    </message>
    <message>
        <source>No activity yet.</source>
        <translation>Noch keine Aktivität.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Opened ×%1</source>
        <translation>Geöffnet ×%1</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Clicked ×%1</source>
        <translation>Geklickt ×%1</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklickt</translation>
    </message>
    <message>
        <source>Converted %1</source>
        <translation>Konvertiert %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) being checked</source>
        <translation>
            <numerusform>%n Ereignis wird geprüft</numerusform>
            <numerusform>%n Ereignisse werden geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Not opened yet</source>
        <translation>Noch nicht geöffnet</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>Nicht geöffnet</translation>
    </message>
    <message>
        <source>Machine activity ×%1 (not counted)</source>
        <translation>Maschinenaktivität ×%1 (nicht gezählt)</translation>
    </message>
    <message>
        <source>Machine activity</source>
        <translation>Maschinenaktivität</translation>
    </message>
    <message>
        <source>↳ clicked %1</source>
        <translation>↳ %1 geklickt</translation>
    </message>
    <message numerus="yes">
        <source>↳ clicked %1 (%n times)</source>
        <translation>
            <numerusform>↳ %1 geklickt (%n-mal)</numerusform>
            <numerusform>↳ %1 geklickt (%n-mal)</numerusform>
        </translation>
    </message>
    <message>
        <source>First %1, last %2</source>
        <translation>Erstmals %1, zuletzt %2</translation>
    </message>
</context>
<context>
    <name>leadtrail::WelcomePage</name>
    <message>
        <source>Welcome to Leadtrail</source>
        <translation>Willkommen bei Leadtrail</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new workspace</source>
        <translation>Leeren Ordner für den neuen Arbeitsbereich wählen</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>Arbeitsbereichsordner öffnen</translation>
    </message>
    <message>
        <source>A workspace is a folder that holds your leads, campaigns and their results. Create one for your team, open one you already have, or look around the sample workspace first.</source>
        <translation>Ein Arbeitsbereich ist ein Ordner mit Ihren Leads, Kampagnen und deren Ergebnissen. Legen Sie einen für Ihr Team an, öffnen Sie einen vorhandenen oder sehen Sie sich zuerst im Beispiel-Arbeitsbereich um.</translation>
    </message>
    <message>
        <source>&amp;Create a workspace…</source>
        <translation>Arbeitsbereich &amp;anlegen…</translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation>Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>&amp;Open a workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Open the &amp;sample workspace</source>
        <translation>&amp;Beispiel-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Open the sample workspace</source>
        <translation>Beispiel-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>A few dozen leads and a sent campaign with opens, clicks, a link scanner, an unsubscribe and a conversion, kept apart from your own workspaces</source>
        <translation>Einige Dutzend Leads und eine gesendete Kampagne mit Öffnungen, Klicks, einem Link-Scanner, einer Abmeldung und einer Conversion, getrennt von Ihren eigenen Arbeitsbereichen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Leadtrail desktop CRM</source>
        <translation>Leadtrail Desktop-CRM</translation>
    </message>
    <message>
        <source>Open the workspace in &lt;folder&gt;.</source>
        <translation>Den Arbeitsbereich in &lt;folder&gt; öffnen.</translation>
    </message>
    <message>
        <source>Use &lt;language&gt; (e.g. de) instead of the system&apos;s.</source>
        <translation>&lt;language&gt; (z. B. de) statt der Systemsprache verwenden.</translation>
    </message>
    <message>
        <source>Use the &lt;theme&gt;: system, light or dark.</source>
        <translation>Das Farbschema &lt;theme&gt; verwenden: system, light oder dark.</translation>
    </message>
</context>
</TS>
