// The widget's only UI strings. zh-CN first; English for every other browser language.
window.WIDGET_LOCALES = {
  'zh-CN': {
    title: '在线客服',
    placeholder: '请输入您的问题，按 Enter 发送',
    send: '发送',
    connecting: '正在连接…',
    online: '已连接',
    offline: '连接已断开，正在重连…',
    refused: '无法连接客服',
    failed: '发送失败，请重试',
    agent: '客服',
    me: '我',
    bot: '机器人',
  },
  en: {
    title: 'Chat with us',
    placeholder: 'Type your question, Enter to send',
    send: 'Send',
    connecting: 'Connecting…',
    online: 'Connected',
    offline: 'Disconnected, reconnecting…',
    refused: 'Cannot reach support',
    failed: 'Not sent, please retry',
    agent: 'Support',
    me: 'Me',
    bot: 'Bot',
  },
};
