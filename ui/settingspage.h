#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace leadtrail {

class Workspace;

/**
 * The workspace's settings: sender and SMTP (the password goes to the
 * keychain through core Secrets), relay pairing and state, scoring, stages,
 * and the application's language and theme. Every value is checked by core
 * Settings; what it refuses is shown beside the Save button in plain words.
 */
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(const Workspace &workspace, QWidget *parent = nullptr);

    void reload();
    /** Saves every tab; false with the first problem shown. */
    bool save();
    /** Stores the pairing code typed in the relay tab. */
    bool pair();
    void setRelayState(const QString &text);
    QString messageText() const;
    QTabWidget *tabs() const { return m_tabs; }

signals:
    /** Relay settings changed or "Test" was pressed: sync now. */
    void syncRequested();
    void themeChanged(const QString &theme);
    /** Stages or scoring changed, so other screens should reload. */
    void workspaceSettingsChanged();

private:
    void showMessage(const QString &text, bool error);

    const Workspace &m_workspace;
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
    QLineEdit *m_pairingCode = nullptr;
    QLabel *m_relayUrl = nullptr;
    QLabel *m_relayState = nullptr;
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
