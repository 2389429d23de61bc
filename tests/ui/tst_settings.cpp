// The Settings screen driven through its widgets on a real workspace: the
// SMTP "Test connection" against the real SMTP server (aiosmtpd with STARTTLS
// and AUTH), the relay "Test" against the real relay (in-process, port 0),
// tracking defaults that a new campaign starts from, and every section saved.

#include "campaigneditor.h"
#include "campaignspage.h"
#include "settingspage.h"
#include "theme.h"

#include "insighttestsupport.h"
#include "relayserver.h"
#include "smtptestserver.h"

#include "protocol/pairing.h"
#include "store/leadstore.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace leadtrail;
using leadtrail::test::SmtpTestServer;

class TestSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void smtpTestSucceeds();
    void smtpTestWrongPassword();
    void smtpTestNothingListening();
    void smtpTestUsesStoredPassword();
    void relayTestOk();
    void relayTestRefusedKey();
    void relayTestUnreachable();
    void trackingDefaultsFlowIntoNewCampaign();
    void everySectionSaves();
    void darkTheme();

private:
    template<typename T>
    T *field(const QString &accessibleName) const;
    QPushButton *button(const QString &text) const;
    void setSmtpForm(const QString &host, quint16 port, const QString &security, const QString &user,
                     const QString &password);
    bool runSmtpTest();
    bool runRelayTest();
    void pair(const std::string &url, const std::string &apiKey);
    static quint16 freePort();
    void screenshot(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<SmtpTestServer> m_smtp;
    std::unique_ptr<relay::RelayServer> m_relay;
    std::unique_ptr<SettingsPage> m_page;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Language and theme are application settings: keep them out of the user's own.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"config"_s));
    QString error;
    m_ws = Workspace::open(m_dir.filePath(u"ws"_s), Workspace::OpenMode::CreateIfMissing, &error);
    QVERIFY2(m_ws, qPrintable(error));

    QVERIFY(QDir().mkpath(m_dir.filePath(u"smtp"_s)));
    m_smtp = std::make_unique<SmtpTestServer>(m_dir.filePath(u"smtp"_s));
    SmtpTestServer::Options options;
    options.starttls = true;
    options.requireStarttls = true;
    options.authUser = u"sales@example.com"_s;
    options.authPassword = u"correct horse"_s;
    QVERIFY2(m_smtp->start(options, &error), qPrintable(error));
    // The test server's CA, trusted the way a company CA would be (no form field: an expert setting).
    QVERIFY2(Settings(*m_ws).setValue(u"smtp.ca_file"_s, m_smtp->caFile(), &error), qPrintable(error));

    m_relay = std::make_unique<relay::RelayServer>(insighttest::relayConfig(m_dir.path().toStdString()));
    m_relay->start();

    Theme::apply(Theme::Mode::Light);
    m_page = std::make_unique<SettingsPage>(*m_ws);
    m_page->resize(860, 620);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestSettings::cleanupTestCase()
{
    m_page.reset();
    if (m_relay)
        m_relay->stop();
    m_smtp.reset();
    m_ws.reset();
}

template<typename T>
T *TestSettings::field(const QString &accessibleName) const
{
    for (T *w : m_page->findChildren<T *>()) {
        if (w->accessibleName() == accessibleName)
            return w;
    }
    qFatal("no field \"%s\"", qPrintable(accessibleName));
    return nullptr;
}

QPushButton *TestSettings::button(const QString &text) const
{
    for (QPushButton *b : m_page->findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    qFatal("no button \"%s\"", qPrintable(text));
    return nullptr;
}

void TestSettings::screenshot(const QString &name)
{
    QTest::qWait(50);
    QDir().mkpath(QStringLiteral(LEADTRAIL_SCREENSHOT_DIR));
    const QString path = QStringLiteral(LEADTRAIL_SCREENSHOT_DIR "/%1.png").arg(name);
    QVERIFY2(m_page->grab().save(path), qPrintable(path));
}

quint16 TestSettings::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // released when probe goes: nothing listens there now
}

void TestSettings::setSmtpForm(const QString &host, quint16 port, const QString &security, const QString &user,
                               const QString &password)
{
    m_page->tabs()->setCurrentIndex(0);
    auto *hostField = field<QLineEdit>(u"SMTP server"_s);
    hostField->clear();
    QTest::keyClicks(hostField, host);
    field<QSpinBox>(u"Port"_s)->setValue(port);
    auto *securityBox = field<QComboBox>(u"Security"_s);
    securityBox->setCurrentIndex(securityBox->findData(security));
    auto *userField = field<QLineEdit>(u"User name"_s);
    userField->clear();
    QTest::keyClicks(userField, user);
    auto *passwordField = field<QLineEdit>(u"Password"_s);
    passwordField->clear();
    QTest::keyClicks(passwordField, password);
}

bool TestSettings::runSmtpTest()
{
    QSignalSpy finished(m_page.get(), &SettingsPage::smtpTestFinished);
    QTest::mouseClick(button(u"&Test connection"_s), Qt::LeftButton);
    // The window stays responsive: the check runs in a worker thread.
    if (finished.isEmpty() && !m_page->isSmtpTestRunning())
        return false;
    if (finished.isEmpty() && !finished.wait(30000))
        return false;
    return finished.at(0).at(0).toBool();
}

bool TestSettings::runRelayTest()
{
    m_page->tabs()->setCurrentIndex(1);
    QSignalSpy finished(m_page.get(), &SettingsPage::relayTestFinished);
    QTest::mouseClick(button(u"Test"_s), Qt::LeftButton);
    if (finished.isEmpty() && !finished.wait(30000))
        return false;
    return finished.at(0).at(0).toBool();
}

void TestSettings::pair(const std::string &url, const std::string &apiKey)
{
    m_page->tabs()->setCurrentIndex(1);
    const protocol::PairingInfo info{url, insighttest::signingKey(), apiKey};
    auto *code = field<QLineEdit>(u"Pairing code"_s);
    code->setText(QString::fromStdString(protocol::formatPairingCode(info)));
    QVERIFY2(m_page->pair(), qPrintable(m_page->messageText()));
}

void TestSettings::smtpTestSucceeds()
{
    setSmtpForm(u"localhost"_s, m_smtp->port(), u"starttls"_s, u"sales@example.com"_s, u"correct horse"_s);
    QVERIFY2(runSmtpTest(), qPrintable(m_page->smtpTestText()));
    QCOMPARE(m_page->smtpTestText(), u"Connected to localhost:%1 with STARTTLS, authenticated as sales@example.com."_s
                                         .arg(m_smtp->port()));
    QVERIFY(button(u"&Test connection"_s)->isEnabled());
    // A test sends nothing, and saves nothing either.
    QVERIFY(m_smtp->messages().isEmpty());
    QVERIFY(!Settings(*m_ws).value(u"smtp.host"_s));
    screenshot(u"settings-smtp-test-ok"_s);
}

void TestSettings::smtpTestWrongPassword()
{
    setSmtpForm(u"localhost"_s, m_smtp->port(), u"starttls"_s, u"sales@example.com"_s, u"wrong horse"_s);
    QVERIFY(!runSmtpTest());
    const QString text = m_page->smtpTestText();
    QVERIFY2(text.startsWith(u"Not connected: localhost:%1 refused the login for \"sales@example.com\""_s.arg(m_smtp->port())), qPrintable(text));
    QVERIFY2(text.contains(u"535 5.7.8 Authentication credentials invalid"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"wrong horse"_s), "the password must never be shown");
    screenshot(u"settings-smtp-test-error"_s);
}

void TestSettings::smtpTestNothingListening()
{
    const quint16 port = freePort();
    QVERIFY(port > 0);
    setSmtpForm(u"127.0.0.1"_s, port, u"none"_s, QString(), QString());
    QVERIFY(!runSmtpTest());
    QVERIFY2(m_page->smtpTestText().contains(u"Connection refused"_s), qPrintable(m_page->smtpTestText()));

    // Nothing to connect to: said at once, no thread started.
    setSmtpForm(QString(), 587, u"starttls"_s, QString(), QString());
    QVERIFY(!runSmtpTest());
    QVERIFY2(m_page->smtpTestText().contains(u"host name"_s), qPrintable(m_page->smtpTestText()));
}

void TestSettings::smtpTestUsesStoredPassword()
{
    setSmtpForm(u"localhost"_s, m_smtp->port(), u"starttls"_s, u"sales@example.com"_s, u"correct horse"_s);
    QVERIFY2(m_page->save(), qPrintable(m_page->messageText()));
    QVERIFY(field<QLineEdit>(u"Password"_s)->text().isEmpty()); // stored as a secret, not kept in the form
    QVERIFY2(runSmtpTest(), qPrintable(m_page->smtpTestText()));
    QVERIFY2(m_page->smtpTestText().contains(u"authenticated as sales@example.com"_s), qPrintable(m_page->smtpTestText()));
}

void TestSettings::relayTestOk()
{
    pair("http://127.0.0.1:" + std::to_string(m_relay->port()), insighttest::apiKey());
    QSignalSpy sync(m_page.get(), &SettingsPage::syncRequested);
    QVERIFY2(runRelayTest(), qPrintable(m_page->relayTestText()));
    QCOMPARE(m_page->relayTestText(),
             u"Relay reachable at http://127.0.0.1:%1, API key accepted."_s.arg(m_relay->port()));
    QCOMPARE(sync.count(), 1); // a relay that works is synced at once
    screenshot(u"settings-relay-test-ok"_s);
}

void TestSettings::relayTestRefusedKey()
{
    pair("http://127.0.0.1:" + std::to_string(m_relay->port()), "an-old-key-the-relay-no-longer-has");
    QSignalSpy sync(m_page.get(), &SettingsPage::syncRequested);
    QVERIFY(!runRelayTest());
    const QString text = m_page->relayTestText();
    QVERIFY2(text.contains(u"refused the API key (HTTP 401)"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"an-old-key"_s), "the key must never be shown");
    QCOMPARE(sync.count(), 0);
    screenshot(u"settings-relay-test-401"_s);
}

void TestSettings::relayTestUnreachable()
{
    const quint16 port = freePort();
    QVERIFY(port > 0);
    pair("http://127.0.0.1:" + std::to_string(port), insighttest::apiKey());
    QVERIFY(!runRelayTest());
    const QString text = m_page->relayTestText();
    QVERIFY2(text.startsWith(u"The relay at http://127.0.0.1:%1 is unreachable"_s.arg(port)), qPrintable(text));
    QVERIFY2(text.contains(u"Connection refused"_s), qPrintable(text));
}

void TestSettings::trackingDefaultsFlowIntoNewCampaign()
{
    m_page->tabs()->setCurrentIndex(2);
    QCOMPARE(m_page->tabs()->tabText(2), u"Tracking"_s);
    auto *opens = field<QCheckBox>(u"Track opens"_s);
    auto *decoy = field<QCheckBox>(u"Decoy link to spot scanners"_s);
    auto *utm = field<QCheckBox>(u"Add UTM parameters"_s);
    auto *clickIds = field<QCheckBox>(u"Click ids for conversions"_s);
    // The defaults of a workspace that never set any are the campaign's own.
    QVERIFY(opens->isChecked() && decoy->isChecked() && !utm->isChecked() && !clickIds->isChecked());
    // A click on each box itself (the row is wider than the box and its words).
    for (QCheckBox *box : {opens, decoy, utm, clickIds})
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    screenshot(u"settings-tracking"_s);
    QVERIFY2(m_page->save(), qPrintable(m_page->messageText()));
    const Settings settings(*m_ws);
    QCOMPARE(settings.value(u"tracking.opens"_s).value_or(QString()), u"false"_s);
    QCOMPARE(settings.value(u"tracking.utm"_s).value_or(QString()), u"true"_s);

    CampaignsPage campaigns(*m_ws);
    campaigns.newCampaign();
    const Campaign draft = campaigns.editor()->campaign();
    QVERIFY(!draft.trackOpens);
    QVERIFY(draft.trackClicks);
    QVERIFY(!draft.decoyLink);
    QVERIFY(draft.utm);
    QVERIFY(draft.clickIds);
    // And the boxes the author sees say the same.
    for (QCheckBox *box : campaigns.editor()->findChildren<QCheckBox *>()) {
        if (box->text() == u"Track opens"_s)
            QVERIFY(!box->isChecked());
        if (box->text() == u"Add UTM parameters"_s)
            QVERIFY(box->isChecked());
    }
}

void TestSettings::everySectionSaves()
{
    m_page->tabs()->setCurrentIndex(0);
    field<QLineEdit>(u"Sender name"_s)->setText(u"Sales Team"_s);
    field<QLineEdit>(u"Sender address"_s)->setText(u"sales@example.com"_s);
    auto *provider = field<QComboBox>(u"Rate limits"_s);
    provider->setCurrentIndex(provider->findData(u"microsoft365"_s));
    field<QDoubleSpinBox>(u"Points per click"_s)->setValue(7);
    field<QDoubleSpinBox>(u"Half-life"_s)->setValue(21);
    field<QDoubleSpinBox>(u"Hot-lead threshold"_s)->setValue(42);
    auto *stages = field<QPlainTextEdit>(u"Stages, one per line"_s);
    stages->setPlainText(stages->toPlainText() + u"\nNurture"_s);
    auto *language = field<QComboBox>(u"Language"_s);
    language->setCurrentIndex(language->findData(u"de"_s));
    QVERIFY2(m_page->save(), qPrintable(m_page->messageText()));
    QCOMPARE(m_page->messageText(), u"Settings saved."_s);

    const Settings settings(*m_ws);
    QCOMPARE(settings.value(u"sender.name"_s).value_or(QString()), u"Sales Team"_s);
    QCOMPARE(settings.value(u"sending.provider"_s).value_or(QString()), u"microsoft365"_s);
    QCOMPARE(settings.value(u"smtp.security"_s).value_or(QString()), u"starttls"_s);
    QCOMPARE(settings.value(u"insight.weight.click"_s).value_or(QString()), u"7"_s);
    QCOMPARE(settings.value(u"insight.half_life_days"_s).value_or(QString()), u"21"_s);
    QCOMPARE(settings.value(u"insight.hot_threshold"_s).value_or(QString()), u"42"_s);
    QVERIFY(LeadStore(*m_ws).stages().contains(u"Nurture"_s));
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"de"_s);

    // A bad value is refused in words and nothing of it is stored.
    field<QLineEdit>(u"Sender address"_s)->setText(u"not an address"_s);
    QVERIFY(!m_page->save());
    QVERIFY2(m_page->messageText().startsWith(u"Not saved:"_s), qPrintable(m_page->messageText()));
    QCOMPARE(Settings(*m_ws).value(u"sender.email"_s).value_or(QString()), u"sales@example.com"_s);
    field<QLineEdit>(u"Sender address"_s)->setText(u"sales@example.com"_s);

    // The theme is stored when chosen.
    m_page->tabs()->setCurrentIndex(m_page->tabs()->count() - 1);
    auto *theme = field<QComboBox>(u"Theme"_s);
    QSignalSpy themeChanged(m_page.get(), &SettingsPage::themeChanged);
    theme->setCurrentIndex(theme->findData(u"light"_s));
    emit theme->activated(theme->currentIndex());
    QCOMPARE(themeChanged.count(), 1);
    QCOMPARE(QSettings().value(u"theme"_s).toString(), u"light"_s);
}

void TestSettings::darkTheme()
{
    Theme::apply(Theme::Mode::Dark);
    QVERIFY2(m_page->save(), qPrintable(m_page->messageText()));
    setSmtpForm(u"localhost"_s, m_smtp->port(), u"starttls"_s, u"sales@example.com"_s, u"correct horse"_s);
    QVERIFY2(runSmtpTest(), qPrintable(m_page->smtpTestText()));
    screenshot(u"settings-smtp-test-ok-dark"_s);
    setSmtpForm(u"localhost"_s, m_smtp->port(), u"starttls"_s, u"sales@example.com"_s, u"wrong horse"_s);
    QVERIFY(!runSmtpTest());
    screenshot(u"settings-smtp-test-error-dark"_s);
    pair("http://127.0.0.1:" + std::to_string(m_relay->port()), insighttest::apiKey());
    QVERIFY2(runRelayTest(), qPrintable(m_page->relayTestText()));
    screenshot(u"settings-relay-test-ok-dark"_s);
    Theme::apply(Theme::Mode::Light);
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
