#pragma once

#include "sending/campaign.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QThread;
class QTimer;

namespace leadtrail {

class Workspace;

/**
 * Composes a draft campaign: name, sender, subject, HTML body with syntax
 * highlighting and a live preview merged with a chosen lead, the audience
 * with a live count, tracking options, and the checks before sending. "Send
 * test" runs in a worker thread; "Send…" asks for confirmation with the
 * Total and then emits sendConfirmed. Saving goes through CampaignStore.
 */
class CampaignEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CampaignEditor)

public:
    explicit CampaignEditor(const Workspace &workspace, QWidget *parent = nullptr);
    ~CampaignEditor() override;

    /** Edits @p campaign (id 0: a new draft). */
    void edit(const Campaign &campaign);
    Campaign campaign() const;
    /** Saves the draft; false and the reason shown in the editor. */
    bool save();
    /** True while the draft has edits not saved yet (saved on their own a moment after typing stops). */
    bool isModified() const { return m_modified; }
    /** Saves the draft now when it has unsaved edits; false (reason shown) when it cannot be saved. */
    bool saveIfModified();
    /** "Draft saved at 14:02", or empty. */
    QString saveStateText() const;

    /** The checks as they stand, in the user's words. */
    QStringList checkTexts() const;
    /** How many leads the audience has now. */
    qint64 audienceCount() const { return m_audienceCount; }
    QString errorText() const;
    QString testResultText() const;
    bool isTestRunning() const { return m_testThread != nullptr; }

    // The widgets, for keyboard focus order and for tests that drive them.
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *htmlField() const { return m_html; }
    QTextBrowser *preview() const { return m_preview; }
    QComboBox *categoryFilter() const { return m_category; }
    QLineEdit *testAddressField() const { return m_testAddress; }
    QPushButton *sendTestButton() const { return m_sendTest; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *confirmButton() const { return m_confirm; }

signals:
    void saved(qint64 campaignId);
    /** The user confirmed sending this saved draft to its Total. */
    void sendConfirmed(qint64 campaignId);
    void testFinished(bool ok);

private:
    void fillChoices();
    void scheduleRefresh();
    void autosave();
    void refresh();
    void updatePreview();
    QString audienceExpression() const;
    void askToSend();
    void sendTest();
    void showError(const QString &message);

    const Workspace &m_workspace;
    Campaign m_campaign;
    qint64 m_audienceCount = 0;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_fromName = nullptr;
    QLineEdit *m_fromEmail = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_html = nullptr;
    QTextBrowser *m_preview = nullptr;
    QComboBox *m_previewLead = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_stage = nullptr;
    QComboBox *m_tag = nullptr;
    QSpinBox *m_minScore = nullptr;
    QLabel *m_audienceLabel = nullptr;
    QCheckBox *m_trackOpens = nullptr;
    QCheckBox *m_trackClicks = nullptr;
    QCheckBox *m_decoy = nullptr;
    QCheckBox *m_utm = nullptr;
    QCheckBox *m_clickIds = nullptr;
    QListWidget *m_checks = nullptr;
    QLabel *m_error = nullptr;
    QLineEdit *m_testAddress = nullptr;
    QPushButton *m_sendTest = nullptr;
    QLabel *m_testResult = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_send = nullptr;
    QFrame *m_confirmBar = nullptr;
    QLabel *m_confirmText = nullptr;
    QPushButton *m_confirm = nullptr;
    QTimer *m_refreshDelay = nullptr;
    QTimer *m_autosave = nullptr;
    QLabel *m_saveState = nullptr;
    bool m_modified = false;
    QThread *m_testThread = nullptr;
    QStringList m_checkTexts;
};

} // namespace leadtrail
