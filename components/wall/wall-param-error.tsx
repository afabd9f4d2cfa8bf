import { WALL_PARAM_FORMS } from '@/lib/wall/wall-params';
import './wall.css';

/** A wall URL that cannot be read says what is wrong and what it accepts; it never guesses. */
export function WallParamError({ problems }: { problems: readonly string[] }) {
  return (
    <main className="wall-param-error" data-testid="wall.param-error" role="alert">
      <h1>This wallboard URL cannot be shown</h1>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <h2>What /wall accepts</h2>
      <table>
        <tbody>
          {WALL_PARAM_FORMS.map(([name, example, meaning]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>
                <code>{example}</code>
              </td>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
