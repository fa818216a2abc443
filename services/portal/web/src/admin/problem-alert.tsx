import { Alert, List } from '@mantine/core';
import type { Problem } from '../api/client.js';
import { problemPlace } from './problem-places.js';

/** A refusal as the API wrote it in Vietnamese: its detail, then each field error with where it is. */
export function ProblemAlert({ problem, title }: { problem: Problem; title: string }) {
  const errors = problem.errors ?? [];
  return (
    <Alert color="red" role="alert" title={title}>
      {problem.detail ?? problem.title ?? 'Đã có lỗi. Vui lòng thử lại.'}
      {errors.length > 0 && (
        <List size="sm" mt="xs" spacing={4}>
          {errors.slice(0, 100).map((e, i) => {
            const place = problemPlace(e.location);
            return (
              <List.Item key={`${i}-${e.location}`}>
                {place === '' ? e.message : `${place}: ${e.message}`}
              </List.Item>
            );
          })}
          {errors.length > 100 && <List.Item>và {errors.length - 100} lỗi khác</List.Item>}
        </List>
      )}
    </Alert>
  );
}
