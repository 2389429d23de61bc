#include "settingspage.h"

#include "insight/insightconfig.h"
#include "insight/relaypairing.h"
#include "store/configuration.h"
#include "store/leadstore.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

SettingsPage::SettingsPage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);
    const auto page = [this](const QString &title) {
        auto *w = new QWidget(m_tabs);
        auto *form = new QFormLayout(w);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        m_tabs->addTab(w, title);
        return form;
    };
    const auto line = [](QFormLayout *form, const QString &label, const QString &placeholder = {}) {
        auto *edit = new QLineEdit;
        edit->setAccessibleName(label);
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        return edit;
    };

    QFormLayout *sending = page(tr("Sending"));
    m_senderName = line(sending, tr("Sender name"), tr("Your name or team"));
    m_senderEmail = line(sending, tr("Sender address"), tr("you@example.com"));
    m_host = line(sending, tr("SMTP server"), tr("smtp.example.com"));
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setAccessibleName(tr("Port"));
    sending->addRow(tr("Port"), m_port);
    m_security = new QComboBox;
    m_security->setAccessibleName(tr("Security"));
    m_security->addItem(tr("STARTTLS (port 587)"), u"starttls"_s);
    m_security->addItem(tr("TLS (port 465)"), u"tls"_s);
    m_security->addItem(tr("None (test servers only)"), u"none"_s);
    sending->addRow(tr("Security"), m_security);
    connect(m_security, &QComboBox::activated, this, [this] {
        const QString s = m_security->currentData().toString();
        m_port->setValue(s == u"tls"_s ? 465 : s == u"starttls"_s ? 587 : m_port->value());
    });
    m_user = line(sending, tr("User name"), tr("Leave empty when the server needs no login"));
    m_password = line(sending, tr("Password"), tr("Unchanged"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordState = new QLabel;
    m_passwordState->setWordWrap(true);
    sending->addRow(QString(), m_passwordState);
    m_provider = new QComboBox;
    m_provider->setAccessibleName(tr("Rate limits"));
    m_provider->addItem(tr("Own server (no provider limits)"), u"custom"_s);
    m_provider->addItem(tr("Google Workspace limits"), u"google_workspace"_s);
    m_provider->addItem(tr("Microsoft 365 limits"), u"microsoft365"_s);
    sending->addRow(tr("Rate limits"), m_provider);

    QFormLayout *relay = page(tr("Relay"));
    m_pairingCode = line(relay, tr("Pairing code"), tr("Paste the code the relay printed (ltpair1.…)"));
    m_pairingCode->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    auto *pairButtons = new QHBoxLayout;
    auto *pairButton = new QPushButton(tr("Pair"));
    auto *testButton = new QPushButton(tr("Test"));
    testButton->setToolTip(tr("Fetch new events from the relay now"));
    pairButtons->addWidget(pairButton);
    pairButtons->addWidget(testButton);
    pairButtons->addStretch(1);
    relay->addRow(QString(), pairButtons);
    m_relayUrl = new QLabel;
    m_relayUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    relay->addRow(tr("Relay URL"), m_relayUrl);
    m_relayState = new QLabel;
    m_relayState->setWordWrap(true);
    relay->addRow(tr("State"), m_relayState);
    connect(pairButton, &QPushButton::clicked, this, &SettingsPage::pair);
    connect(testButton, &QPushButton::clicked, this, &SettingsPage::syncRequested);

    QFormLayout *scoring = page(tr("Scoring"));
    const auto number = [scoring](const QString &label, double max, int decimals, const QString &suffix) {
        auto *box = new QDoubleSpinBox;
        box->setRange(0, max);
        box->setDecimals(decimals);
        box->setSuffix(suffix);
        box->setAccessibleName(label);
        scoring->addRow(label, box);
        return box;
    };
    m_openWeight = number(tr("Points per open"), 1000, 1, QString());
    m_clickWeight = number(tr("Points per click"), 1000, 1, QString());
    m_conversionWeight = number(tr("Points per conversion"), 1000, 1, QString());
    m_halfLife = number(tr("Half-life"), 3650, 1, tr(" days"));
    m_threshold = number(tr("Hot-lead threshold"), 100000, 1, QString());
    auto *scoringNote = new QLabel(tr("A lead's score is the sum of these points for its human opens, clicks and "
                                      "conversions, halving every half-life. Machine activity never counts."));
    scoringNote->setWordWrap(true);
    scoring->addRow(scoringNote);

    QFormLayout *stages = page(tr("Stages"));
    m_stages = new QPlainTextEdit;
    m_stages->setAccessibleName(tr("Stages, one per line"));
    stages->addRow(new QLabel(tr("The pipeline, one stage per line, in order. A stage that leads are in cannot "
                                 "be removed.")));
    stages->addRow(m_stages);

    QFormLayout *appearance = page(tr("Appearance"));
    m_language = new QComboBox;
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    appearance->addRow(tr("Language"), m_language);
    appearance->addRow(QString(), new QLabel(tr("A new language applies the next time Leadtrail starts.")));
    m_theme = new QComboBox;
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    appearance->addRow(tr("Theme"), m_theme);
    connect(m_theme, &QComboBox::activated, this, [this] {
        QSettings().setValue(u"theme"_s, m_theme->currentData());
        emit themeChanged(m_theme->currentData().toString());
    });

    auto *bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *saveButton = new QPushButton(tr("Save settings"), this);
    saveButton->setShortcut(QKeySequence::Save);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(saveButton);
    layout->addLayout(bottom);
    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    reload();
}

void SettingsPage::reload()
{
    Configuration configuration(m_workspace);
    const Settings &s = configuration.settings();
    m_senderName->setText(s.value(u"sender.name"_s, QString()));
    m_senderEmail->setText(s.value(u"sender.email"_s, QString()));
    m_host->setText(s.value(u"smtp.host"_s, QString()));
    const QString security = s.value(u"smtp.security"_s, u"starttls"_s);
    m_security->setCurrentIndex(qMax(0, m_security->findData(security)));
    m_port->setValue(s.value(u"smtp.port"_s, security == u"tls"_s ? u"465"_s : u"587"_s).toInt());
    m_user->setText(s.value(u"smtp.user"_s, QString()));
    m_password->clear();
    const Secrets::Lookup password = configuration.secrets().read(u"smtp.password"_s);
    m_passwordState->setText(password.value ? tr("A password is stored (%1).").arg(password.source)
                                            : tr("No password stored."));
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(s.value(u"sending.provider"_s, u"custom"_s))));
    const QString url = s.value(u"relay.url"_s, QString());
    m_relayUrl->setText(url.isEmpty() ? tr("Not paired") : url);

    const InsightConfig insight = InsightConfig::fromWorkspace(m_workspace);
    m_openWeight->setValue(insight.openWeight);
    m_clickWeight->setValue(insight.clickWeight);
    m_conversionWeight->setValue(insight.conversionWeight);
    m_halfLife->setValue(insight.halfLifeDays);
    m_threshold->setValue(insight.hotThreshold);
    m_stages->setPlainText(LeadStore(m_workspace).stages().join(u'\n'));

    const QSettings app;
    m_language->setCurrentIndex(qMax(0, m_language->findData(app.value(u"language"_s).toString())));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(app.value(u"theme"_s, u"system"_s).toString())));
}

void SettingsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #c0392b;"_s : QString());
}

QString SettingsPage::messageText() const
{
    return m_message->text();
}

void SettingsPage::setRelayState(const QString &text)
{
    m_relayState->setText(text);
}

bool SettingsPage::save()
{
    Configuration configuration(m_workspace);
    QString message;
    QString error;
    const auto set = [&](const QString &key, const QString &value) {
        if (value.isEmpty()) {
            configuration.settings().remove(key, &error);
            return error.isEmpty();
        }
        return configuration.set(key, value, &message, &error);
    };
    const bool ok = set(u"sender.name"_s, m_senderName->text().trimmed())
        && set(u"sender.email"_s, m_senderEmail->text().trimmed()) && set(u"smtp.host"_s, m_host->text().trimmed())
        && set(u"smtp.port"_s, QString::number(m_port->value()))
        && set(u"smtp.security"_s, m_security->currentData().toString())
        && set(u"smtp.user"_s, m_user->text().trimmed())
        && set(u"sending.provider"_s, m_provider->currentData().toString())
        && (m_password->text().isEmpty() || set(u"smtp.password"_s, m_password->text()))
        && set(u"insight.weight.open"_s, QString::number(m_openWeight->value()))
        && set(u"insight.weight.click"_s, QString::number(m_clickWeight->value()))
        && set(u"insight.weight.conversion"_s, QString::number(m_conversionWeight->value()))
        && set(u"insight.half_life_days"_s, QString::number(m_halfLife->value()))
        && set(u"insight.hot_threshold"_s, QString::number(m_threshold->value()));
    if (!ok) {
        showMessage(tr("Not saved: %1").arg(error), true);
        return false;
    }
    QStringList stages;
    for (const QString &stage : m_stages->toPlainText().split(u'\n')) {
        if (!stage.trimmed().isEmpty())
            stages << stage.trimmed();
    }
    LeadStore leads(m_workspace);
    if (stages != leads.stages() && !leads.setStages(stages, &error)) {
        showMessage(tr("The stages were not changed: %1").arg(error), true);
        return false;
    }
    QSettings().setValue(u"language"_s, m_language->currentData());
    reload();
    showMessage(tr("Settings saved."), false);
    emit workspaceSettingsChanged();
    return true;
}

bool SettingsPage::pair()
{
    QString url;
    QString error;
    if (!RelayPairing::pair(m_workspace, m_pairingCode->text(), &url, &error)) {
        showMessage(tr("Not paired: %1").arg(error), true);
        return false;
    }
    m_pairingCode->clear();
    reload();
    showMessage(tr("Paired with the relay at %1. The keys are stored as secrets.").arg(url), false);
    emit syncRequested();
    return true;
}

} // namespace leadtrail
