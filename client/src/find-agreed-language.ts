/**
 * "Find agreed language": a quick pick that searches the acquis as the drafter types (the
 * server's `acquis.search`), consensus formulations first. Choosing one inserts its text at the
 * cursor; the item's quote button inserts the text with its citation.
 */
import * as vscode from 'vscode';

interface SearchResultItem {
  citation: string;
  adoption: { kind: 'consensus' } | { kind: 'vote'; inFavour: number; against: number; abstaining: number };
  year: number | null;
  insertText: string;
  insertTextWithCitation: string;
  lineage: Array<{ citation: string }>;
}

interface Pick extends vscode.QuickPickItem {
  result: SearchResultItem;
}

type Server = <T>(command: string, ...args: unknown[]) => Promise<T>;

const WITH_CITATION: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert with its citation' };
/** Milliseconds between the last keystroke and the search. */
const TYPING_DELAY = 150;

/** Arguments of the code action "Find agreed language for this paragraph". */
interface FindArguments {
  uri?: string;
  query?: string;
}

export function registerFindAgreedLanguage(context: vscode.ExtensionContext, server: Server): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('acquis.findAgreedLanguage', (args?: FindArguments) => findAgreedLanguage(server, args)),
  );
}

async function findAgreedLanguage(server: Server, args: FindArguments = {}): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = args.uri ?? editor?.document.uri.toString();
  const pick = vscode.window.createQuickPick<Pick>();
  pick.title = 'Find agreed language';
  pick.placeholder = 'Words or a sentence: consensus formulations first (Enter inserts the text; the quote button adds its citation)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  const search = (value: string): void => {
    clearTimeout(timer);
    const mine = ++generation;
    if (!/[\p{L}\p{N}]/u.test(value)) {
      pick.items = [];
      return;
    }
    timer = setTimeout(async () => {
      pick.busy = true;
      try {
        const out = await server<{ results: SearchResultItem[] }>('acquis.search', value, { uri, limit: 20 });
        if (mine !== generation) return;
        pick.items = out.results.map((result) => ({
          label: result.citation,
          description: describe(result),
          detail: result.insertText,
          // The server has already ranked and matched by meaning: keep every item the editor shows.
          alwaysShow: true,
          buttons: [WITH_CITATION],
          result,
        }));
      } catch (error) {
        void vscode.window.showWarningMessage(`Acquis: search failed: ${(error as Error).message}`);
      } finally {
        if (mine === generation) pick.busy = false;
      }
    }, TYPING_DELAY);
  };
  const insert = async (text: string): Promise<void> => {
    pick.hide();
    const target = vscode.window.activeTextEditor ?? editor;
    if (!target) return;
    await target.edit((edit) => {
      for (const selection of target.selections) edit.replace(selection, text);
    });
  };
  pick.onDidChangeValue(search);
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
    if (chosen) void insert(chosen.result.insertText);
  });
  pick.onDidTriggerItemButton((e) => void insert(e.item.result.insertTextWithCitation));
  pick.onDidHide(() => {
    clearTimeout(timer);
    pick.dispose();
  });
  if (args.query) {
    pick.value = args.query;
    search(args.query);
  }
  pick.show();
}

function describe(r: SearchResultItem): string {
  const adoption = r.adoption.kind === 'consensus' ? 'consensus' : `vote ${r.adoption.inFavour}-${r.adoption.against}-${r.adoption.abstaining}`;
  const lineage = r.lineage.length ? ` · also ${r.lineage.map((l) => l.citation).join(', ')}` : '';
  return `${adoption}${r.year ? `, ${r.year}` : ''}${lineage}`;
}
