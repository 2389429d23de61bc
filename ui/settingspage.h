#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QThread;

namespace leadtrail {

class RelayCheck;
class Workspace;

/**
 * The workspace's settings: sender and SMTP (the password goes to the
 * keychain through core Secrets), relay pairing and state, tracking defaults
 * for new campaigns, scoring, stages, and the application's language and
 * theme. Every value is checked by core Settings; what it refuses is shown
 * beside the Save button in plain words. "Test connection" (SMTP, in a worker
 * thread) and "Test" (relay, asynchronous) try the values as they are in the
 * form and report the outcome, or the server's own words, under the button.
 */
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(const Workspace &workspace, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void reload();
    /** Saves every tab; false with the first problem shown. */
    bool save();
    /** True when the form has edits that are not saved (the SMTP password typed counts too). */
    bool hasUnsavedChanges() const { return m_modified; }
    /**
     * Before the page makes way (another section, closing): with unsaved
     * edits, asks Save / Discard / Cancel. False when the user stays (Cancel,
     * or a save that failed, with the problem shown).
     */
    bool leave();
    /** Stores the pairing code typed in the relay tab. */
    bool pair();
    void setRelayState(const QString &text);
    QString messageText() const;
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *hostField() const { return m_host; }

    /** Tries the SMTP values in the form (nothing is saved, no mail is sent). */
    void testSmtp();
    bool isSmtpTestRunning() const { return m_smtpThread != nullptr; }
    QString smtpTestText() const;
    /** Tries the paired relay: /healthz, then the events API with the stored key. */
    void testRelay();
    bool isRelayTestRunning() const;
    QString relayTestText() const;

signals:
    /** Relay settings changed or "Test" was pressed: sync now. */
    void syncRequested();
    void themeChanged(const QString &theme);
    /** Stages or scoring changed, so other screens should reload. */
    void workspaceSettingsChanged();
    void smtpTestFinished(bool ok);
    void relayTestFinished(bool ok);

private:
    void showMessage(const QString &text, bool error);
    static void showResult(QLabel *label, const QString &text, bool error);

    void watchForEdits();

    const Workspace &m_workspace;
    bool m_modified = false;
    bool m_loading = false;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_senderName = nullptr;
    QLineEdit *m_senderEmail = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordState = nullptr;
    QComboBox *m_provider = nullptr;
    QPushButton *m_smtpTest = nullptr;
    QLabel *m_smtpResult = nullptr;
    QThread *m_smtpThread = nullptr;
    QLineEdit *m_pairingCode = nullptr;
    QLabel *m_relayUrl = nullptr;
    QLabel *m_relayState = nullptr;
    QPushButton *m_relayTest = nullptr;
    QLabel *m_relayResult = nullptr;
    RelayCheck *m_relayCheck = nullptr;
    QCheckBox *m_trackOpens = nullptr;
    QCheckBox *m_trackClicks = nullptr;
    QCheckBox *m_trackDecoy = nullptr;
    QCheckBox *m_trackUtm = nullptr;
    QCheckBox *m_trackClickIds = nullptr;
    QDoubleSpinBox *m_openWeight = nullptr;
    QDoubleSpinBox *m_clickWeight = nullptr;
    QDoubleSpinBox *m_conversionWeight = nullptr;
    QDoubleSpinBox *m_halfLife = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QPlainTextEdit *m_stages = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace leadtrail
